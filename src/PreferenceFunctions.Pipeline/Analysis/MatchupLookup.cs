namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>Finds a known matchup by id, else by the unordered pair of its image file names.</summary>
internal sealed class MatchupLookup
{
    private readonly Dictionary<string, Matchup> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), Matchup> _byImages = new();

    public MatchupLookup(IEnumerable<Matchup> matchups)
    {
        foreach (var matchup in matchups)
        {
            _byId.TryAdd(matchup.Id, matchup);
            _byImages.TryAdd(Key(matchup.Option1, matchup.Option2), matchup);
        }
    }

    public Matchup? Find(string? matchupId, string option1, string option2) =>
        matchupId is not null && _byId.TryGetValue(matchupId, out var byId) ? byId
        : _byImages.GetValueOrDefault(Key(option1, option2));

    /// <summary>True when an option identifier and a dataset image reference name the same file.</summary>
    public static bool SameFile(string option, string imageReference) =>
        string.Equals(FileName(option), FileName(imageReference), StringComparison.OrdinalIgnoreCase);

    private static (string, string) Key(string a, string b)
    {
        string x = FileName(a).ToLowerInvariant(), y = FileName(b).ToLowerInvariant();
        return string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);
    }

    private static string FileName(string reference) => Path.GetFileName(reference.Replace('\\', '/'));
}

namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Counts votes into a <see cref="VoteBreakdown"/> one row at a time, so a run's votes can stream through it. A vote
/// counts for both models of its matchup when it picked one of the two images; the picked model wins it. Matchups of
/// a model against itself are left out.
/// </summary>
public sealed class VoteBreakdownBuilder
{
    private readonly Dictionary<(string Model, string Group), (int Wins, int Votes)> _byCountry = [];
    private readonly Dictionary<(string Model, string Group), (int Wins, int Votes)> _byAge = [];

    public void Add(VoteRow vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (!vote.PickedAnImage || vote.ModelA == vote.ModelB) return;
        Count(_byCountry, vote, vote.Country);
        Count(_byAge, vote, vote.Age);
    }

    public VoteBreakdown Build(int minVotes = VoteBreakdown.DefaultMinVotes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minVotes);
        return new VoteBreakdown(minVotes, Table("country", _byCountry, minVotes), Table("age", _byAge, minVotes));
    }

    private static void Count(Dictionary<(string, string), (int Wins, int Votes)> counts, VoteRow vote, string? group)
    {
        group = string.IsNullOrWhiteSpace(group) ? VoteBreakdown.NotGiven : group;
        foreach (var model in new[] { vote.ModelA, vote.ModelB })
        {
            var (wins, votes) = counts.GetValueOrDefault((model, group));
            counts[(model, group)] = (wins + (vote.VotedModel == model ? 1 : 0), votes + 1);
        }
    }

    private static BreakdownTable Table(string dimension, Dictionary<(string Model, string Group), (int Wins, int Votes)> counts, int minVotes)
    {
        var models = counts.Keys.Select(k => k.Model).Distinct().Order(StringComparer.Ordinal).ToList();
        var groups = counts.GroupBy(c => c.Key.Group)
            .OrderByDescending(g => g.Sum(c => c.Value.Votes)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shown = groups.Where(g => g.Any(c => c.Value.Votes >= minVotes)).Select(g => g.Key).ToList();
        var cells = models.Select(model => (IReadOnlyList<BreakdownCell?>)shown.Select(group =>
            counts.TryGetValue((model, group), out var c) && c.Votes >= minVotes ? new BreakdownCell(c.Wins, c.Votes) : null).ToList()).ToList();
        return new BreakdownTable(dimension, shown, models, cells, groups.Count - shown.Count);
    }
}

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Reuses one <see cref="CompareVoterDetails"/> per distinct <c>userDetails</c> JSON text. A labeler answers many
/// pairs, so a 2,000,000-vote document holds only tens of thousands of distinct profiles: a hit skips parsing and
/// allocation entirely, and the parsed model stays a fraction of the document's size.
/// </summary>
internal sealed class VoterDetailsCache
{
    private const int MaxKeyLength = 1024;
    private const int MaxEntries = 500_000;
    private readonly Dictionary<byte[], CompareVoterDetails> _entries = new(ByteContentComparer.Instance);
    private readonly Dictionary<byte[], CompareVoterDetails>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public VoterDetailsCache() => _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();

    public bool TryGet(ReadOnlySpan<byte> json, out CompareVoterDetails details)
    {
        details = null!;
        return json.Length <= MaxKeyLength && _lookup.TryGetValue(json, out details!);
    }

    public void Add(ReadOnlySpan<byte> json, CompareVoterDetails details)
    {
        if (json.Length <= MaxKeyLength && _entries.Count < MaxEntries) _lookup.TryAdd(json, details);
    }
}

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

    private sealed class ByteContentComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteContentComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] key) => GetHashCode((ReadOnlySpan<byte>)key);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}

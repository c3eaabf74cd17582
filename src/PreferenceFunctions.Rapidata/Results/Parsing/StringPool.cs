using System.Text.Json;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Reuses one string instance for repeated short values (option names, countries, languages, demographic keys):
/// a 2,000,000-vote document repeats a few hundred distinct values millions of times. Unescaped values are looked
/// up by their UTF-8 bytes, so a repeat costs neither transcoding nor allocation.
/// </summary>
internal sealed class StringPool
{
    private const int MaxPooledLength = 128;
    private const int MaxPooledCount = 200_000;
    private readonly Dictionary<byte[], string> _strings = new(ByteContentComparer.Instance);
    private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The current string token (or property name) as a pooled string.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > MaxPooledLength || reader.ValueIsEscaped) return reader.GetString()!;
        if (_lookup.TryGetValue(raw, out var pooled)) return pooled;
        var created = reader.GetString()!;
        if (_strings.Count < MaxPooledCount) _lookup.TryAdd(raw, created);
        return created;
    }
}

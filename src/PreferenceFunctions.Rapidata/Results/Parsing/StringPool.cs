using System.Text.Json;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Reuses one string instance for repeated short values (option names, countries, languages, demographic keys):
/// a 2,000,000-vote document repeats a few hundred distinct values millions of times.
/// </summary>
internal sealed class StringPool
{
    private const int MaxPooledLength = 128;
    private const int MaxPooledCount = 200_000;
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The current string token (or property name) as a pooled string.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueSpan.Length > MaxPooledLength) return reader.GetString()!;
        Span<char> chars = stackalloc char[MaxPooledLength];
        var length = reader.CopyString(chars);
        var text = chars[..length];
        if (_lookup.TryGetValue(text, out var pooled)) return pooled;
        var created = new string(text);
        if (_strings.Count < MaxPooledCount) _strings.Add(created);
        return created;
    }
}

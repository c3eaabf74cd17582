using System.Text;
using System.Text.Json;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Reuses one string instance for repeated short values. Two scopes: the current entry's strings (its two file
/// names recur as keys of every map, as winners and as each vote's choice, but never in another entry) and the
/// document's (option names like <c>Neither</c>, countries, languages, demographic keys: a few hundred distinct
/// values repeated millions of times). Values are compared by their UTF-8 bytes, so a repeat costs neither
/// transcoding nor allocation.
/// </summary>
internal sealed class StringPool
{
    private const int MaxPooledLength = 128;
    private const int MaxEntryStrings = 16;

    // Values that recur across entries show up in the first entries; the cap keeps a document of unique file names
    // from growing the table (and hashing into it) for every entry.
    private const int MaxDocumentStrings = 4096;

    private readonly Dictionary<byte[], string> _strings = new(ByteContentComparer.Instance);
    private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly string[] _entryStrings = new string[MaxEntryStrings];
    private int _entryCount;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>Forgets the previous entry's strings; called at the start of each <c>results[]</c> entry.</summary>
    public void StartEntry() => _entryCount = 0;

    /// <summary>The current string token (or property name) as a pooled string.</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > MaxPooledLength || reader.ValueIsEscaped || reader.HasValueSequence) return reader.GetString()!;
        for (var i = 0; i < _entryCount; i++)
        {
            // ASCII-only match (file names, option names); other text falls through to the document pool.
            if (Ascii.Equals(raw, _entryStrings[i])) return _entryStrings[i];
        }
        if (_lookup.TryGetValue(raw, out var pooled)) return pooled;
        var created = reader.GetString()!;
        if (_strings.Count < MaxDocumentStrings) _lookup.TryAdd(raw, created);
        if (_entryCount < MaxEntryStrings) _entryStrings[_entryCount++] = created;
        return created;
    }
}

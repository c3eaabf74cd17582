using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// A small read-only map that keeps document order (option order matters: index 0 is asset A). Results maps hold
/// a handful of keys, so a linear scan over one array beats a hash table in both time and memory across
/// millions of votes.
/// </summary>
internal sealed class OrderedMap<TValue>(KeyValuePair<string, TValue>[] items) : IReadOnlyDictionary<string, TValue>
{
    public static readonly OrderedMap<TValue> Empty = new([]);

    public int Count => items.Length;

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => items.Select(item => item.Key);

    public IEnumerable<TValue> Values => items.Select(item => item.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        foreach (var item in items)
        {
            if (string.Equals(item.Key, key, StringComparison.Ordinal))
            {
                value = item.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Builds a map from scratch entries; a repeated key keeps its last value, as JSON readers do.</summary>
    public static OrderedMap<TValue> From(List<KeyValuePair<string, TValue>> scratch)
    {
        if (scratch.Count == 0) return Empty;
        var items = new KeyValuePair<string, TValue>[scratch.Count];
        var count = 0;
        foreach (var entry in scratch)
        {
            var existing = IndexOf(items, count, entry.Key);
            if (existing >= 0) items[existing] = entry;
            else items[count++] = entry;
        }
        if (count < items.Length) Array.Resize(ref items, count);
        return new OrderedMap<TValue>(items);
    }

    // A plain loop: a lambda here would allocate a closure per key, a large share of a parse's garbage.
    private static int IndexOf(KeyValuePair<string, TValue>[] items, int count, string key)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(items[i].Key, key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}

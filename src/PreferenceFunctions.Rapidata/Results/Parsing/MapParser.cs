using System.Text.Json;
using static PreferenceFunctions.Rapidata.Results.Parsing.JsonTokens;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>Parses the small option-keyed maps (<c>null</c> reads as empty), reusing scratch lists between calls.</summary>
internal sealed class MapParser(StringPool pool)
{
    private readonly List<KeyValuePair<string, int>> _ints = [];
    private readonly List<KeyValuePair<string, double>> _doubles = [];
    private readonly List<KeyValuePair<string, string>> _strings = [];

    public OrderedMap<int> Ints(ref Utf8JsonReader reader, string where)
    {
        if (!StartMap(ref reader, where)) return OrderedMap<int>.Empty;
        _ints.Clear();
        while (NextKey(ref reader, out var key)) _ints.Add(new(key, IntOf(ref reader, where, key)));
        return OrderedMap<int>.From(_ints);
    }

    public OrderedMap<double> Doubles(ref Utf8JsonReader reader, string where)
    {
        if (!StartMap(ref reader, where)) return OrderedMap<double>.Empty;
        _doubles.Clear();
        while (NextKey(ref reader, out var key)) _doubles.Add(new(key, DoubleOf(ref reader, where, key)));
        return OrderedMap<double>.From(_doubles);
    }

    /// <summary>A string map; numbers and booleans are kept as their JSON text (metadata is loosely typed).</summary>
    public OrderedMap<string> Strings(ref Utf8JsonReader reader, string where, bool poolValues)
    {
        if (!StartMap(ref reader, where)) return OrderedMap<string>.Empty;
        _strings.Clear();
        while (NextKey(ref reader, out var key))
        {
            var value = reader.TokenType switch
            {
                JsonTokenType.String => poolValues ? pool.Get(ref reader) : reader.GetString()!,
                JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
                    System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.Null => null,
                _ => throw Invalid($"{where}.{key}", "a string", reader.TokenType),
            };
            if (value is not null) _strings.Add(new(key, value));
        }
        return OrderedMap<string>.From(_strings);
    }

    private static int IntOf(ref Utf8JsonReader reader, string where, string key)
    {
        try
        {
            return Int(ref reader, key);
        }
        catch (InvalidFieldException e)
        {
            throw e.Within(where);
        }
    }

    private static double DoubleOf(ref Utf8JsonReader reader, string where, string key) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw Invalid($"{where}.{key}", "a number", reader.TokenType);

    private static bool StartMap(ref Utf8JsonReader reader, string where)
    {
        if (reader.TokenType == JsonTokenType.Null) return false;
        Expect(ref reader, JsonTokenType.StartObject, where);
        return true;
    }

    /// <summary>Reads the next key and moves onto its value; false at the map's end.</summary>
    private bool NextKey(ref Utf8JsonReader reader, out string key)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            key = "";
            return false;
        }
        key = pool.Get(ref reader);
        Read(ref reader);
        return true;
    }
}

using System.Text.Json;
using static PreferenceFunctions.Rapidata.Results.Parsing.JsonTokens;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>Parses the small option-keyed maps (<c>null</c> reads as empty) into lists the caller reuses between entries.</summary>
internal sealed class MapParser(StringPool pool)
{
    /// <summary>Reads an int map into <paramref name="into"/> (emptied by the caller), in document order.</summary>
    public void Ints(ref Utf8JsonReader reader, string where, List<KeyValuePair<string, int>> into)
    {
        if (!StartMap(ref reader, where)) return;
        while (NextKey(ref reader, out var key)) into.Add(new(key, IntOf(ref reader, where, key)));
    }

    public void Doubles(ref Utf8JsonReader reader, string where, List<KeyValuePair<string, double>> into)
    {
        if (!StartMap(ref reader, where)) return;
        while (NextKey(ref reader, out var key)) into.Add(new(key, DoubleOf(ref reader, where, key)));
    }

    /// <summary>A string map; numbers and booleans are kept as their JSON text (metadata is loosely typed), null values
    /// are left out. With <paramref name="keepValues"/> off only the keys are kept (the values' types still checked).</summary>
    public void Strings(ref Utf8JsonReader reader, string where, bool keepValues, List<KeyValuePair<string, string?>> into)
    {
        if (!StartMap(ref reader, where)) return;
        while (NextKey(ref reader, out var key))
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: break;
                case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False when !keepValues:
                    into.Add(new(key, null));
                    break;
                case JsonTokenType.String: into.Add(new(key, reader.GetString()!)); break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    into.Add(new(key, System.Text.Encoding.UTF8.GetString(reader.ValueSpan)));
                    break;
                default: throw Invalid($"{where}.{key}", "a string", reader.TokenType);
            }
        }
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

using System.Text.Json;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>Token helpers for the unit parsers: reading that may run out of buffer, and typed value checks.</summary>
internal static class JsonTokens
{
    public static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw NeedMoreDataException.Instance;
    }

    /// <summary>Skips the value the reader is positioned on (its first token already read).</summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip()) throw NeedMoreDataException.Instance;
    }

    /// <summary>The state of a reader that has read <paramref name="json"/>, to start a reader in the middle of a document.</summary>
    public static JsonReaderState StateAfter(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, default);
        while (reader.Read())
        {
        }
        return reader.CurrentState;
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string where)
    {
        if (reader.TokenType != type) throw Invalid(where, Describe(type), reader.TokenType);
    }

    public static string? NullableString(ref Utf8JsonReader reader, string where, StringPool? pool = null) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => pool is null ? reader.GetString() : pool.Get(ref reader),
        _ => throw Invalid(where, "a string or null", reader.TokenType),
    };

    public static int? NullableInt(ref Utf8JsonReader reader, string where)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        return Int(ref reader, where);
    }

    /// <summary>An integer; an integral number written as <c>3.0</c> is accepted too.</summary>
    public static int Int(ref Utf8JsonReader reader, string where)
    {
        if (reader.TokenType != JsonTokenType.Number) throw Invalid(where, "an integer", reader.TokenType);
        if (reader.TryGetInt32(out var value)) return value;
        if (reader.TryGetDouble(out var number) && number == Math.Floor(number) && Math.Abs(number) <= int.MaxValue)
            return (int)number;
        throw new InvalidFieldException(where, $"must be an integer, found {System.Text.Encoding.UTF8.GetString(reader.ValueSpan)}.");
    }

    public static double Double(ref Utf8JsonReader reader, string where)
    {
        if (reader.TokenType != JsonTokenType.Number) throw Invalid(where, "a number", reader.TokenType);
        return reader.GetDouble();
    }

    public static InvalidFieldException Invalid(string where, string expected, JsonTokenType found) =>
        new(where, $"must be {expected}, found {Describe(found)}.");

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => type.ToString(),
    };
}

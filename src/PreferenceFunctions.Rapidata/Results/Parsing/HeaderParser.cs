using System.Globalization;
using System.Text.Json;
using static PreferenceFunctions.Rapidata.Results.Parsing.JsonTokens;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>Parses the small <c>info</c> and <c>summary</c> blocks of a results document.</summary>
internal static class HeaderParser
{
    public static CompareResultsInfo ParseInfo(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return CompareResultsInfo.Empty;
        Expect(ref reader, JsonTokenType.StartObject, "info");
        var info = CompareResultsInfo.Empty;
        string? orderType = null;
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            var name = reader.GetString()!;
            Read(ref reader);
            var where = "info." + name;
            switch (name)
            {
                case "createdAt": info = info with { CreatedAt = Timestamp(ref reader, where) }; break;
                case "version": info = info with { Version = Text(ref reader, where) }; break;
                case "type": info = info with { Type = NullableString(ref reader, where) }; break;
                case "orderType": orderType = NullableString(ref reader, where); break;
                case "name": info = info with { Name = NullableString(ref reader, where) }; break;
                case "instruction": info = info with { Instruction = NullableString(ref reader, where) }; break;
                default: Skip(ref reader); break;
            }
        }
        return info with { Type = info.Type ?? orderType };
    }

    public static CompareResultsSummary ParseSummary(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return CompareResultsSummary.Empty;
        Expect(ref reader, JsonTokenType.StartObject, "summary");
        var values = new List<KeyValuePair<string, double>>();
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            var name = reader.GetString()!;
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.Number) values.Add(new(name, reader.GetDouble()));
            else Skip(ref reader);
        }
        var map = OrderedMap<double>.From(values);
        return new CompareResultsSummary(WholeNumber(map, "A_wins_total"), WholeNumber(map, "B_wins_total"), map);
    }

    private static int? WholeNumber(OrderedMap<double> map, string key) =>
        map.TryGetValue(key, out var value) ? (int)Math.Round(value) : null;

    /// <summary>A version may be written as text (<c>"4.1.0"</c>) or, in old documents, as a number.</summary>
    private static string? Text(ref Utf8JsonReader reader, string where) => reader.TokenType == JsonTokenType.Number
        ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan)
        : NullableString(ref reader, where);

    private static DateTimeOffset? Timestamp(ref Utf8JsonReader reader, string where)
    {
        var text = NullableString(ref reader, where);
        if (text is null) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new InvalidFieldException(where, $"must be an ISO 8601 timestamp, found \"{text}\".");
    }
}

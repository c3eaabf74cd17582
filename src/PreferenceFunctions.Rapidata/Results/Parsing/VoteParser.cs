using System.Text.Json;
using static PreferenceFunctions.Rapidata.Results.Parsing.JsonTokens;

namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Parses <c>detailedResults</c>: the hot path of a large document (one object per vote), so every repeated
/// string is pooled and the per-vote maps are compact arrays.
/// </summary>
internal sealed class VoteParser(StringPool pool)
{
    private readonly List<KeyValuePair<string, double>> _scores = [];
    private readonly List<KeyValuePair<string, string>> _demographics = [];
    private readonly VoterDetailsCache _details = new();
    private readonly List<CompareVote> _votes = [];

    /// <param name="json">The bytes <paramref name="reader"/> reads, to recognise repeated <c>userDetails</c>.</param>
    public IReadOnlyList<CompareVote> ParseList(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string where)
    {
        if (reader.TokenType == JsonTokenType.Null) return [];
        Expect(ref reader, JsonTokenType.StartArray, where);
        // One scratch list reused across entries, copied out at the exact size: no growth garbage per entry.
        _votes.Clear();
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) return _votes.ToArray();
            try
            {
                _votes.Add(ParseVote(ref reader, json));
            }
            catch (InvalidFieldException e)
            {
                throw e.Within($"{where}[{_votes.Count}]");
            }
        }
    }

    private CompareVote ParseVote(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        Expect(ref reader, JsonTokenType.StartObject, "");
        string? votedFor = null;
        var details = NoDetails;
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return new CompareVote(votedFor, details);
            if (reader.ValueTextEquals("votedFor"u8))
            {
                Read(ref reader);
                votedFor = NullableString(ref reader, "votedFor", pool);
            }
            else if (reader.ValueTextEquals("userDetails"u8))
            {
                Read(ref reader);
                details = CachedDetails(ref reader, json);
            }
            else
            {
                Read(ref reader);
                Skip(ref reader);
            }
        }
    }

    private CompareVoterDetails CachedDetails(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return ParseDetails(ref reader);
        var start = (int)reader.TokenStartIndex;
        var end = reader;
        Skip(ref end);
        var text = json[start..(int)end.BytesConsumed];
        if (_details.TryGet(text, out var cached))
        {
            reader = end;
            return cached;
        }
        var details = ParseDetails(ref reader);
        _details.Add(text, details);
        return details;
    }

    private static readonly CompareVoterDetails NoDetails = new(null, null, OrderedMap<double>.Empty, OrderedMap<string>.Empty);

    private CompareVoterDetails ParseDetails(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return NoDetails;
        Expect(ref reader, JsonTokenType.StartObject, "userDetails");
        string? country = null, language = null;
        _scores.Clear();
        _demographics.Clear();
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) break;
            if (reader.ValueTextEquals("country"u8))
            {
                Read(ref reader);
                country = NullableString(ref reader, "userDetails.country", pool);
            }
            else if (reader.ValueTextEquals("language"u8))
            {
                Read(ref reader);
                language = NullableString(ref reader, "userDetails.language", pool);
            }
            else if (reader.ValueTextEquals("userScores"u8))
            {
                Read(ref reader);
                ReadEntries(ref reader, "userDetails.userScores", _scores, static (ref Utf8JsonReader r, StringPool _) => r.GetDouble(), JsonTokenType.Number);
            }
            else if (reader.ValueTextEquals("demographics"u8))
            {
                Read(ref reader);
                ReadEntries(ref reader, "userDetails.demographics", _demographics, static (ref Utf8JsonReader r, StringPool p) => p.Get(ref r), JsonTokenType.String);
            }
            else if (reader.ValueTextEquals("userScore"u8))
            {
                // 3.x: one flat score, the global dimension.
                Read(ref reader);
                if (reader.TokenType != JsonTokenType.Null)
                    _scores.Add(new(CompareVoterDetails.GlobalScoreDimension, Double(ref reader, "userDetails.userScore")));
            }
            else
            {
                // 3.x: flat demographic fields (age, gender, occupation); anything else non-textual is ignored.
                var key = pool.Get(ref reader);
                Read(ref reader);
                if (reader.TokenType == JsonTokenType.String) _demographics.Add(new(key, pool.Get(ref reader)));
                else Skip(ref reader);
            }
        }
        return new CompareVoterDetails(country, language, OrderedMap<double>.From(_scores), OrderedMap<string>.From(_demographics));
    }

    private delegate T ValueReader<T>(ref Utf8JsonReader reader, StringPool pool);

    private void ReadEntries<T>(ref Utf8JsonReader reader, string where, List<KeyValuePair<string, T>> into,
        ValueReader<T> readValue, JsonTokenType valueType)
    {
        if (reader.TokenType == JsonTokenType.Null) return;
        Expect(ref reader, JsonTokenType.StartObject, where);
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return;
            var key = pool.Get(ref reader);
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.Null) continue;
            if (reader.TokenType != valueType) throw Invalid($"{where}.{key}", valueType == JsonTokenType.Number ? "a number" : "a string", reader.TokenType);
            into.Add(new(key, readValue(ref reader, pool)));
        }
    }
}

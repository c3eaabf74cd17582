namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>A simulated labeler: where they are, their user score, and whether they click at random.</summary>
internal sealed record Annotator(
    string Country,
    string Language,
    double UserScore,
    bool VotesAtRandom,
    IReadOnlyDictionary<string, string> Demographics)
{
    /// <summary>The "userDetails" object of every vote this annotator gives, encoded once (results documents repeat it millions of times).</summary>
    public byte[] UserDetailsJson { get; } = EncodeUserDetails(Country, Language, UserScore, Demographics);

    private static byte[] EncodeUserDetails(string country, string language, double userScore, IReadOnlyDictionary<string, string> demographics)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("country", country);
            json.WriteString("language", language);
            json.WriteStartObject("userScores");
            json.WriteNumber("global", userScore);
            json.WriteEndObject();
            json.WriteStartObject("demographics");
            foreach (var (key, value) in demographics)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

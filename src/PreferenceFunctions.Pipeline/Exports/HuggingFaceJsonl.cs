using System.Text.Json;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>
/// The schema of Rapidata's published preference datasets on Hugging Face, one JSON object per line:
/// prompt, image1, image2, votes_image1, votes_image2, model1, model2, detailed_results. As in those datasets,
/// detailed_results is a string holding a JSON array of the responses (votedFor, userDetails).
/// </summary>
internal static class HuggingFaceJsonl
{
    /// <summary>Writes one line per outcome as it arrives, flushing each line to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(IAsyncEnumerable<MatchupOutcome> outcomes, Stream output, CancellationToken cancellationToken = default)
    {
        using var json = new Utf8JsonWriter(output);
        var details = new VoteListSerializer();
        await foreach (var o in outcomes.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var m = o.Matchup;
            json.WriteStartObject();
            json.WriteString("prompt", m.Prompt);
            json.WriteString("image1", m.Image1);
            json.WriteString("image2", m.Image2);
            json.WriteNumber("votes_image1", o.Votes1);
            json.WriteNumber("votes_image2", o.Votes2);
            json.WriteString("model1", m.Model1);
            json.WriteString("model2", m.Model2);
            json.WriteString("detailed_results", details.Serialize(o.Details));
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            output.WriteByte((byte)'\n');
            json.Reset(output);
        }
    }

    /// <summary>Serialises the responses of one matchup to a compact JSON array, reusing one buffer.</summary>
    private sealed class VoteListSerializer
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new();

        public string Serialize(IReadOnlyList<VoteDetail> votes)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer))
            {
                json.WriteStartArray();
                foreach (var vote in votes)
                {
                    json.WriteStartObject();
                    json.WriteString("votedFor", vote.VotedFor);
                    json.WriteStartObject("userDetails");
                    json.WriteString("country", vote.Country);
                    json.WriteString("language", vote.Language);
                    if (vote.UserScore is { } score) json.WriteNumber("userScore", score);
                    else json.WriteNull("userScore");
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }
    }
}

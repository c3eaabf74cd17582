using System.Text.Json;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>
/// Preference-training pairs (DPO style), one JSON object per line: prompt, chosen, rejected (image references),
/// chosen_model, rejected_model, chosen_votes, rejected_votes, margin. Matchups below the minimum margin are left out.
/// </summary>
internal static class DpoPairsJsonl
{
    /// <returns>How many pairs were written.</returns>
    public static int Write(IEnumerable<MatchupOutcome> outcomes, Stream output, DpoExportOptions? options = null)
    {
        options ??= new DpoExportOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.MinMargin);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MinMargin, 1);
        using var json = new Utf8JsonWriter(output);
        var written = 0;
        foreach (var o in outcomes)
        {
            double first = options.UseWeightedVotes ? o.WeightedVotes1 : o.Votes1;
            double second = options.UseWeightedVotes ? o.WeightedVotes2 : o.Votes2;
            var firstWins = first > second;
            double chosen = Math.Max(first, second), rejected = Math.Min(first, second);
            if (chosen == rejected || o.Votes1 + o.Votes2 < options.MinVotes) continue;
            var margin = (chosen - rejected) / (chosen + rejected);
            if (margin < options.MinMargin) continue;

            var m = o.Matchup;
            json.WriteStartObject();
            json.WriteString("prompt", m.Prompt);
            json.WriteString("chosen", firstWins ? m.Image1 : m.Image2);
            json.WriteString("rejected", firstWins ? m.Image2 : m.Image1);
            json.WriteString("chosen_model", firstWins ? m.Model1 : m.Model2);
            json.WriteString("rejected_model", firstWins ? m.Model2 : m.Model1);
            json.WriteNumber("chosen_votes", chosen);
            json.WriteNumber("rejected_votes", rejected);
            json.WriteNumber("margin", margin);
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset(output);
            written++;
        }
        return written;
    }
}

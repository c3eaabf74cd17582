using nietras.SeparatedValues;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>matchups.csv: one line per <see cref="MatchupResult"/>, the design's columns first, then the extras.</summary>
public static class MatchupResultsCsv
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "matchupId", "prompt", "image1", "image2", "model1", "model2", "votes1", "votes2", "ratio",
        "weightedVotes1", "weightedVotes2", "winner", "weightedWinner", "ciLow", "ciHigh", "disagreement", "tie",
        "bothVotes", "neitherVotes",
    ];

    public static void Write(IEnumerable<MatchupResult> rows, TextWriter output)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        writer.Header.Add([.. Columns]);
        writer.Header.Write();
        foreach (var r in rows)
        {
            // Cells by index, in the order of Columns: a name would cost a lookup per cell (1.9 million for 100,000 rows).
            using var row = writer.NewRow();
            row[0].Set(SpreadsheetText.Neutralise(r.Matchup.Id));
            row[1].Set(SpreadsheetText.Neutralise(r.Matchup.Prompt));
            row[2].Set(SpreadsheetText.Neutralise(r.Matchup.Image1));
            row[3].Set(SpreadsheetText.Neutralise(r.Matchup.Image2));
            row[4].Set(SpreadsheetText.Neutralise(r.Matchup.Model1));
            row[5].Set(SpreadsheetText.Neutralise(r.Matchup.Model2));
            row[6].Format(r.Votes1);
            row[7].Format(r.Votes2);
            row[8].Format(CsvNumbers.Ratio(r.Ratio));
            row[9].Format(CsvNumbers.Ratio(r.WeightedVotes1));
            row[10].Format(CsvNumbers.Ratio(r.WeightedVotes2));
            row[11].Set(SpreadsheetText.Neutralise(r.Winner));
            row[12].Set(SpreadsheetText.Neutralise(r.WeightedWinner));
            row[13].Format(CsvNumbers.Ratio(r.CiLow));
            row[14].Format(CsvNumbers.Ratio(r.CiHigh));
            row[15].Set(r.Disagreement ? "true" : "false");
            row[16].Set(r.Tie ? "true" : "false");
            row[17].Format(r.BothVotes);
            row[18].Format(r.NeitherVotes);
        }
    }
}

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
            using var row = writer.NewRow();
            row["matchupId"].Set(SpreadsheetText.Neutralise(r.Matchup.Id));
            row["prompt"].Set(SpreadsheetText.Neutralise(r.Matchup.Prompt));
            row["image1"].Set(SpreadsheetText.Neutralise(r.Matchup.Image1));
            row["image2"].Set(SpreadsheetText.Neutralise(r.Matchup.Image2));
            row["model1"].Set(SpreadsheetText.Neutralise(r.Matchup.Model1));
            row["model2"].Set(SpreadsheetText.Neutralise(r.Matchup.Model2));
            row["votes1"].Format(r.Votes1);
            row["votes2"].Format(r.Votes2);
            row["ratio"].Format(CsvNumbers.Ratio(r.Ratio));
            row["weightedVotes1"].Format(CsvNumbers.Ratio(r.WeightedVotes1));
            row["weightedVotes2"].Format(CsvNumbers.Ratio(r.WeightedVotes2));
            row["winner"].Set(SpreadsheetText.Neutralise(r.Winner));
            row["weightedWinner"].Set(SpreadsheetText.Neutralise(r.WeightedWinner));
            row["ciLow"].Format(CsvNumbers.Ratio(r.CiLow));
            row["ciHigh"].Format(CsvNumbers.Ratio(r.CiHigh));
            row["disagreement"].Set(r.Disagreement ? "true" : "false");
            row["tie"].Set(r.Tie ? "true" : "false");
            row["bothVotes"].Format(r.BothVotes);
            row["neitherVotes"].Format(r.NeitherVotes);
        }
    }
}

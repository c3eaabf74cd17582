using nietras.SeparatedValues;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>models.csv: one line per <see cref="ModelScore"/>, the design's columns first, then the extras.</summary>
public static class ModelScoresCsv
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "model", "votes", "pairsWon", "winRate", "score", "scoreLow", "scoreHigh", "rank",
        "pairs", "pairsTied", "weightedVotes", "component",
    ];

    public static void Write(IEnumerable<ModelScore> rows, TextWriter output)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        writer.Header.Add([.. Columns]);
        writer.Header.Write();
        foreach (var m in rows)
        {
            using var row = writer.NewRow();
            row["model"].Set(SpreadsheetText.Neutralise(m.Model));
            row["votes"].Format(m.Votes);
            row["pairsWon"].Format(m.PairsWon);
            row["winRate"].Format(CsvNumbers.Ratio(m.WinRate));
            row["score"].Format(CsvNumbers.Score(m.Score));
            row["scoreLow"].Format(CsvNumbers.Score(m.ScoreLow));
            row["scoreHigh"].Format(CsvNumbers.Score(m.ScoreHigh));
            row["rank"].Format(m.Rank);
            row["pairs"].Format(m.Pairs);
            row["pairsTied"].Format(m.PairsTied);
            row["weightedVotes"].Format(CsvNumbers.Ratio(m.WeightedVotes));
            row["component"].Format(m.Component);
        }
    }
}

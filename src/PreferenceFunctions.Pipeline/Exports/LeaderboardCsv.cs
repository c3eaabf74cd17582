using nietras.SeparatedValues;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>The CSVs of a leaderboard: its models, and a suggestion as a matchups.csv skeleton to fill with images.</summary>
public static class LeaderboardCsv
{
    public static void WriteModels(IEnumerable<PairCountScore> models, TextWriter output)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        writer.Header.Add(["rank", "model", "score", "scoreLow", "scoreHigh", "votes", "votesWon", "component"]);
        writer.Header.Write();
        foreach (var m in models)
        {
            using var row = writer.NewRow();
            row["rank"].Format(m.Rank);
            row["model"].Set(SpreadsheetText.Neutralise(m.Model));
            row["score"].Format(CsvNumbers.Score(m.Score));
            row["scoreLow"].Format(CsvNumbers.Score(m.ScoreLow));
            row["scoreHigh"].Format(CsvNumbers.Score(m.ScoreHigh));
            row["votes"].Format(m.Votes);
            row["votesWon"].Format(m.Wins);
            row["component"].Format(m.Component);
        }
    }

    /// <summary>One row per suggested matchup: prompt and images left empty for the user, the models filled in.</summary>
    public static void WriteMatchupsSkeleton(IEnumerable<SuggestedPair> pairs, TextWriter output)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        writer.Header.Add(["prompt", "image1", "image2", "model1", "model2"]);
        writer.Header.Write();
        foreach (var pair in pairs)
            for (var i = 0; i < pair.Matchups; i++)
            {
                using var row = writer.NewRow();
                row["prompt"].Set("");
                row["image1"].Set("");
                row["image2"].Set("");
                row["model1"].Set(SpreadsheetText.Neutralise(pair.Model1));
                row["model2"].Set(SpreadsheetText.Neutralise(pair.Model2));
            }
    }
}

using System.Globalization;
using System.Text;
using PreferenceFunctions.Pipeline.Analysis;
using static PreferenceFunctions.Pipeline.Steps.Report.ReportRenderer;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>
/// A living leaderboard as an HTML page: the report's leaderboard section (interval chart and score table) over all the
/// leaderboard's runs, then the runs it counts. Self-contained like the report (inline styles and SVG, no scripts).
/// </summary>
public static class LeaderboardPage
{
    public static string Render(string name, DateTimeOffset updated, IReadOnlyList<PairCountScore> models,
        IReadOnlyList<(string RunId, DateTimeOffset AddedAt, long Votes)> runs)
    {
        var votes = runs.Sum(r => r.Votes);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">")
            .Append(CultureInfo.InvariantCulture, $"<title>Leaderboard {E(name)}</title><style>{ReportStyles.Css}</style></head><body>")
            .Append(CultureInfo.InvariantCulture, $"<header><h1>Leaderboard {E(name)}</h1><p class=\"muted\">")
            .Append(E(string.Create(CultureInfo.InvariantCulture,
                $"{runs.Count:N0} runs, {votes:N0} votes, {models.Count} models; updated {updated:u}. Scores from raw votes; 95% intervals from a bootstrap over matchups across runs.")))
            .Append("</p></header><section id=\"leaderboard\"><h2>Leaderboard</h2>");
        if (models.Count == 0) html.Append("<p>No model received votes.</p>");
        else
        {
            html.Append(LeaderboardSvg.Render([.. models.Select(AsModelScore)]));
            html.Append("<table><thead><tr><th>Rank</th><th>Model</th><th>Score</th><th>95% interval</th><th>Votes</th><th>Votes won</th>")
                .Append("<th>Group</th></tr></thead><tbody>");
            foreach (var m in models)
                html.Append(string.Create(CultureInfo.InvariantCulture,
                    $"<tr><td>{m.Rank}</td><td>{E(m.Model)}</td><td>{m.Score:F0}</td><td>{m.ScoreLow:F0} – {m.ScoreHigh:F0}</td>"
                    + $"<td>{m.Votes:N0}</td><td>{m.Wins:N0}</td><td>{m.Component}</td></tr>"));
            html.Append("</tbody></table><p class=\"note\">Score: Bradley–Terry strength on an Elo-like scale (400 points = 10× the odds ")
                .Append("of winning a vote; the mean of each group is 1000). Rank: 1 + the number of models whose whole interval lies above ")
                .Append("this model's. Groups are models linked by comparisons; scores of different groups cannot be compared.</p>");
        }
        html.Append("</section><section id=\"runs\"><h2>Runs</h2><table><thead><tr><th>Run</th><th>Added</th><th>Votes</th></tr></thead><tbody>");
        foreach (var run in runs)
            html.Append(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{E(run.RunId)}</td><td>{run.AddedAt:u}</td><td>{run.Votes:N0}</td></tr>"));
        return html.Append("</tbody></table></section></body></html>").ToString();
    }

    private static ModelScore AsModelScore(PairCountScore s) => new()
    {
        Model = s.Model, Score = s.Score, ScoreLow = s.ScoreLow, ScoreHigh = s.ScoreHigh, Rank = s.Rank, Component = s.Component,
        Votes = (int)Math.Min(int.MaxValue, s.Votes), PairsWon = 0, WinRate = 0, Pairs = 0, PairsTied = 0, WeightedVotes = 0,
    };
}

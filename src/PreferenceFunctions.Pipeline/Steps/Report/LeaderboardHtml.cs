using System.Globalization;
using System.Text;
using PreferenceFunctions.Pipeline.Analysis;
using static PreferenceFunctions.Pipeline.Steps.Report.ReportRenderer;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>The leaderboard section: the interval chart and the table of model scores.</summary>
internal static class LeaderboardHtml
{
    public static void Append(StringBuilder html, PreferenceAnalysis analysis)
    {
        html.Append("<section id=\"leaderboard\"><h2>Leaderboard</h2>");
        if (analysis.Models.Count == 0)
        {
            html.Append("<p>No model received votes.</p></section>");
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"verdict\"><strong>{E(Verdict(analysis))}</strong></p>");
        html.Append(LeaderboardSvg.Render(analysis.Models));
        var components = analysis.Components > 1;
        html.Append("<table><thead><tr><th>Rank</th><th>Model</th><th>Score</th><th>95% interval</th><th>Votes</th>")
            .Append("<th>Pairs won</th><th>Win rate</th>").Append(components ? "<th>Group</th>" : "").Append("</tr></thead><tbody>");
        foreach (var m in analysis.Models)
            html.Append(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td>{m.Rank}</td><td>{E(m.Model)}</td><td>{m.Score:F0}</td><td>{m.ScoreLow:F0} – {m.ScoreHigh:F0}</td><td>{m.Votes:N0}</td>"
                + $"<td>{m.PairsWon:N0} / {m.Pairs:N0}</td><td>{m.WinRate:P1}</td>{(components ? $"<td>{m.Component}</td>" : "")}</tr>"));
        html.Append("</tbody></table>")
            .Append("<p class=\"note\">Score: Bradley–Terry strength on an Elo-like scale (400 points = 10× the odds of winning a vote; ")
            .Append(analysis.Options.ReferenceModel is { } reference ? $"{E(reference)} is fixed at 1000" : "the mean is 1000")
            .Append("). Rank: 1 + the number of models whose whole interval lies above this model's. ")
            .Append("Votes: all votes the model's images received. Win rate: pairs won / pairs played (ties count as not won).</p></section>");
    }

    /// <summary>Names a winner only when its interval lies wholly above every other model's (<see cref="RunLeaders"/>).</summary>
    public static string Verdict(PreferenceAnalysis analysis)
    {
        var leaders = RunLeaders.Of(analysis);
        if (leaders.Winner is { } winner) return $"Winner: {winner} (its interval lies wholly above every other model's).";
        return leaders.Leaders.Count > 0
            ? $"No clear winner: the intervals of {string.Join(", ", leaders.Leaders)} overlap; these models are tied at the top."
            : "No winner: the models fall into groups that were never compared with each other.";
    }
}

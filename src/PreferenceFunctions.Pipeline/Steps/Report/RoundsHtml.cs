using System.Globalization;
using System.Text;
using PreferenceFunctions.Pipeline.Steps.Rounds;
using static PreferenceFunctions.Pipeline.Steps.Report.ReportRenderer;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>The adaptive rounds section: per round the matchups topped up, the votes ordered and the order; then what stopped them.</summary>
internal static class RoundsHtml
{
    public static void Append(StringBuilder html, RoundsLog log)
    {
        html.Append("<section id=\"rounds\"><h2>Adaptive rounds</h2>")
            .Append("<table><thead><tr><th>Round</th><th>Matchups</th><th>Votes ordered</th><th>Outcome</th><th>Order</th></tr></thead><tbody>");
        foreach (var round in log.Rounds)
            html.Append(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td>{round.Round}</td><td>{round.Matchups:N0}</td><td>{round.Votes:N0}</td>"
                + $"<td>{E(round.Message ?? round.Outcome.ToString())}</td><td>{E(round.OrderId ?? "")}</td></tr>"));
        html.Append("</tbody></table>");
        html.Append(string.Create(CultureInfo.InvariantCulture,
            $"<p class=\"note\">{log.ExtraVotes:N0} votes bought after round 1, only for matchups whose outcome was still uncertain; "
            + $"the votes of all rounds are added per matchup above. Stopped: {E(log.StoppedBecause ?? "still running")}.</p>"));
        html.Append("</section>");
    }
}

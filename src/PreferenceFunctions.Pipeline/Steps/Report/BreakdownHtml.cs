using System.Globalization;
using System.Text;
using PreferenceFunctions.Pipeline.Analysis;
using static PreferenceFunctions.Pipeline.Steps.Report.ReportRenderer;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>The breakdown section: each model's win rate by voter country and by age group, small cells hidden.</summary>
internal static class BreakdownHtml
{
    public static void Append(StringBuilder html, VoteBreakdown? breakdown)
    {
        if (breakdown is null) return;
        html.Append("<section id=\"breakdown\"><h2>Who preferred what</h2>");
        AppendTable(html, "By country", breakdown.ByCountry, breakdown.MinVotes);
        AppendTable(html, "By age group", breakdown.ByAge, breakdown.MinVotes);
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"note\">Win rate: the votes a model won / the votes cast in its matchups for one of the two images, among voters of the group. ")
            .Append(CultureInfo.InvariantCulture,
                $"Cells with fewer than {breakdown.MinVotes:N0} votes are hidden (–); votes.parquet has every vote.</p></section>");
    }

    private static void AppendTable(StringBuilder html, string title, BreakdownTable table, int minVotes)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(title)}</h3>");
        var hidden = table.HiddenGroups > 0
            ? FormattableString.Invariant($" {table.HiddenGroups} more {(table.HiddenGroups == 1 ? "group has" : "groups have")} under {minVotes:N0} votes for every model.")
            : "";
        if (table.Groups.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">No {E(table.Dimension)} group has {minVotes:N0} votes for a model yet.{hidden}</p>");
            return;
        }
        html.Append("<table class=\"breakdown\"><thead><tr><th>Model</th>")
            .AppendJoin("", table.Groups.Select(g => $"<th>{E(g)}</th>")).Append("</tr></thead><tbody>");
        for (var i = 0; i < table.Models.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(table.Models[i])}</td>");
            foreach (var cell in table.Cells[i])
                html.Append(cell is null
                    ? "<td class=\"hidden-cell\">–</td>"
                    : string.Create(CultureInfo.InvariantCulture, $"<td title=\"{cell.Wins:N0} of {cell.Votes:N0} votes\">{cell.WinRate:P0}</td>"));
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (hidden.Length > 0) html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(hidden.Trim())}</p>");
    }
}

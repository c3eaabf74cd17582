using System.Globalization;
using System.Net;
using System.Text;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>
/// Renders an analysis as one static, self-contained HTML page: the leaderboard (chart and table) and the matchups,
/// most one-sided first, each with its two images side by side, the models, the prompt and a two-colour vote bar.
/// Images are downscaled and embedded as data URIs; one that cannot be loaded becomes a labelled placeholder.
/// </summary>
internal static class ReportRenderer
{
    /// <param name="loadImage">Bytes of a dataset image by its reference (as in matchups.csv), null when it does not
    /// exist; whatever the caller has (a folder, a zip, blobs). A failing load becomes a labelled placeholder.</param>
    public static async Task<string> RenderHtmlAsync(
        PreferenceAnalysis analysis, Func<string, CancellationToken, Task<byte[]?>> loadImage, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(loadImage);
        options ??= new ReportOptions();
        var shown = analysis.Matchups.Take(options.MaxMatchups).ToList();
        var images = await EmbeddedImages.LoadAsync(shown.SelectMany(m => new[] { m.Matchup.Image1, m.Matchup.Image2 }), loadImage, options, cancellationToken)
            .ConfigureAwait(false);

        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(options.Title)}</title><style>{ReportStyles.Css}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<header><h1>{E(options.Title)}</h1><p class=\"muted\">{E(Summary(analysis))}</p></header>");
        if (analysis.Warnings.Count > 0)
            html.Append("<section class=\"warnings\"><h2>Read with care</h2><ul>")
                .AppendJoin("", analysis.Warnings.Select(w => $"<li>{E(w)}</li>")).Append("</ul></section>");
        LeaderboardHtml.Append(html, analysis);
        BreakdownHtml.Append(html, analysis.Breakdown);
        if (options.Rounds is { } rounds) RoundsHtml.Append(html, rounds);
        html.Append("<section id=\"matchups\"><h2>Matchups, most one-sided first</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(CapNote(analysis.Matchups.Count, shown.Count))}</p><div class=\"pairs\">");
        foreach (var matchup in shown) PairHtml.Append(html, matchup, images);
        html.Append("</div></section></body></html>");
        return html.ToString();
    }

    private static string Summary(PreferenceAnalysis analysis)
    {
        var votes = analysis.Matchups.Sum(m => (long)m.TotalVotes);
        var basis = analysis.Options.UseWeightedVotes ? "votes weighted by user score" : "raw votes";
        var bootstrap = analysis.Options.BootstrapRounds > 0
            ? $"95% intervals from {analysis.Options.BootstrapRounds} bootstrap rounds over matchups (seed {analysis.Options.Seed})"
            : "no bootstrap intervals";
        return string.Create(CultureInfo.InvariantCulture,
            $"{analysis.Matchups.Count:N0} matchups, {votes:N0} votes, {analysis.Models.Count} models. Scores from {basis}; {bootstrap}.");
    }

    private static string CapNote(int total, int shown) => shown < total
        ? FormattableString.Invariant($"Showing the {shown} most one-sided of {total:N0} matchups (the report is capped at {shown}; matchups.csv has all of them).")
        : FormattableString.Invariant($"All {total:N0} matchups, sorted by ratio = max(votes1, votes2) / (votes1 + votes2).");

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}

using System.Globalization;
using System.Text;
using PreferenceFunctions.Pipeline.Analysis;
using static PreferenceFunctions.Pipeline.Steps.Report.ReportRenderer;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>One matchup card: prompt, the two images with their model labels, and the vote bar.</summary>
internal static class PairHtml
{
    public static void Append(StringBuilder html, MatchupResult m, EmbeddedImages images)
    {
        var pair = m.Matchup;
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"pair\" id=\"m-{E(pair.Id)}\"><p class=\"prompt\">{E(pair.Prompt)}</p><div class=\"images\">");
        AppendImage(html, pair.Image1, pair.Model1, "first", images);
        AppendImage(html, pair.Image2, pair.Model2, "second", images);
        html.Append("</div>");
        double share1 = m.TotalVotes == 0 ? 50 : 100.0 * m.Votes1 / m.TotalVotes, share2 = 100 - share1;
        html.Append(string.Create(CultureInfo.InvariantCulture,
            $"<div class=\"bar\" role=\"img\" aria-label=\"{E(pair.Model1)}: {m.Votes1} votes, {E(pair.Model2)}: {m.Votes2} votes\">"
            + $"<span class=\"first\" style=\"width:{share1:0.##}%\">{(m.Votes1 > 0 ? m.Votes1 : "")}</span>"
            + $"<span class=\"second\" style=\"width:{share2:0.##}%\">{(m.Votes2 > 0 ? m.Votes2 : "")}</span></div>"));
        html.Append(string.Create(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">ratio {m.Ratio:0.00} (95% {m.CiLow:0.00}–{m.CiHigh:0.00}) · weighted {m.WeightedVotes1:0.#} vs {m.WeightedVotes2:0.#}"
            + $"{(m.Disagreement ? " · weighted votes disagree" : "")}{(m.BothVotes + m.NeitherVotes > 0 ? $" · both {m.BothVotes}, neither {m.NeitherVotes}" : "")}"
            + $" · {E(pair.Id)}</p></article>"));
    }

    private static void AppendImage(StringBuilder html, string path, string model, string side, EmbeddedImages images)
    {
        var (dataUri, problem) = images[path];
        html.Append("<figure>");
        if (dataUri is not null) html.Append(CultureInfo.InvariantCulture, $"<img src=\"{dataUri}\" alt=\"{E(model)}: {E(path)}\" loading=\"eager\">");
        else html.Append(CultureInfo.InvariantCulture, $"<div class=\"placeholder\" role=\"img\" aria-label=\"image {E(problem!)}\"><strong>Image {E(problem!)}</strong><code>{E(path)}</code></div>");
        html.Append(CultureInfo.InvariantCulture, $"<figcaption class=\"{side}\">{E(model)}</figcaption></figure>");
    }
}

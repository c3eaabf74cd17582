using System.Globalization;
using System.Net;
using System.Text;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>An inline SVG of the leaderboard: one row per model, its score as a dot and its 95% interval as a bar.</summary>
internal static class LeaderboardSvg
{
    private const int Width = 760, LabelWidth = 200, RightPad = 30, RowHeight = 28, Top = 16, AxisHeight = 34;

    public static string Render(IReadOnlyList<ModelScore> models)
    {
        var axis = ScoreAxis.For(models);
        var plotWidth = Width - LabelWidth - RightPad;
        var height = Top + models.Count * RowHeight + AxisHeight;
        string X(double score) => Num(LabelWidth + axis.Fraction(score) * plotWidth);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Scores with 95% intervals\">");
        foreach (var tick in axis.Ticks)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(tick)}\" x2=\"{X(tick)}\" y1=\"{Top - 8}\" y2=\"{height - AxisHeight + 4}\" class=\"grid\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(tick)}\" y=\"{height - AxisHeight + 20}\" text-anchor=\"middle\" class=\"tick\">{Num(tick)}</text>");
        }
        for (var i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var y = Num(Top + i * RowHeight + RowHeight / 2.0);
            var label = WebUtility.HtmlEncode($"{m.Rank}. {m.Model}");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 10}\" y=\"{y}\" dy=\"0.35em\" text-anchor=\"end\" class=\"name\">{label}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(m.ScoreLow)}\" x2=\"{X(m.ScoreHigh)}\" y1=\"{y}\" y2=\"{y}\" class=\"interval\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(m.Score)}\" cy=\"{y}\" r=\"5\" class=\"score\"><title>{label}: {Num(m.Score)} ({Num(m.ScoreLow)} to {Num(m.ScoreHigh)})</title></circle>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + plotWidth / 2}\" y=\"{height - 2}\" text-anchor=\"middle\" class=\"tick\">score (Bradley–Terry, Elo-like scale) with 95% bootstrap interval</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

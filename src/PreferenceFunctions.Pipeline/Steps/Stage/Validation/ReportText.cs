using System.Globalization;
using System.Text;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>The readable form of a report (runs/{runId}/validation.txt and the <c>validate</c> command's output).</summary>
public static class ReportText
{
    public static string Render(ValidationReport report)
    {
        var text = new StringBuilder();
        var verdict = report.Accepted ? "ACCEPTED" : $"REJECTED ({report.ErrorCount:N0} error{(report.ErrorCount == 1 ? "" : "s")})";
        text.AppendLine(CultureInfo.InvariantCulture, $"Dataset {report.Dataset}: {verdict}");
        var c = report.Counts;
        text.AppendLine(CultureInfo.InvariantCulture, $"Rows {c.Rows:N0}, valid matchups {c.Matchups:N0} ({c.DuplicatesRemoved:N0} duplicates removed), staged {c.Staged:N0}, image references {c.Images:N0} ({c.DistinctImages:N0} distinct), votes to order {c.Votes:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Models ({report.Models.Count}):");
        foreach (var m in report.Models) text.AppendLine(CultureInfo.InvariantCulture, $"  {m.Name}: {m.Matchups:N0} matchups, {m.Images:N0} images");
        text.AppendLine("Matchups per model pair:");
        foreach (var p in report.ModelPairs) text.AppendLine(CultureInfo.InvariantCulture, $"  {p.Model1} vs {p.Model2}: {p.Matchups:N0}");
        if (report.ModelGroups.Count > 1) text.AppendLine(CultureInfo.InvariantCulture, $"Model groups that never meet: {string.Join(" | ", report.ModelGroups.Select(g => string.Join(", ", g)))}");
        var s = report.Settings;
        text.AppendLine(CultureInfo.InvariantCulture, $"Order \"{s.Name}\": \"{s.Criteria}\", {s.ResponsesPerMatchup} responses per matchup, referee {s.Referee.Kind}{(s.Referee.Threshold is { } t ? $" ({t})" : "")}, " +
            $"validation set {s.ValidationSetId ?? "none"}, sample {s.Sample?.ToString(CultureInfo.InvariantCulture) ?? "all"}{(s.Sample is null ? "" : $" (seed {s.Seed ?? MatchupSampler.DefaultSeed})")}, " +
            $"{s.Filters.Count} filter(s), settings {(s.FeatureFlags.Count == 0 ? "none" : string.Join(", ", s.FeatureFlags.Select(f => $"{f.Key}={f.Value}")))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Problems: {report.ErrorCount:N0} error(s), {report.WarningCount:N0} warning(s)");
        foreach (var p in report.Problems) text.AppendLine(CultureInfo.InvariantCulture, $"  {(p.Severity == ProblemSeverity.Error ? "error  " : "warning")} {p.Message}");
        if (report.ProblemsNotListed > 0) text.AppendLine(CultureInfo.InvariantCulture, $"  ... and {report.ProblemsNotListed:N0} more not listed (Preference__Datasets__MaxProblems)");
        return text.ToString();
    }
}

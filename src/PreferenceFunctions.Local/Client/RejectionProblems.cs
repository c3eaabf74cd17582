using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Local.Client;

/// <summary>Why a run was rejected: the first problems of its <c>validation.json</c>, for the command line.</summary>
public static class RejectionProblems
{
    public const int Shown = 10;

    /// <summary>The run's validation report from the runs container, or null when it has none.</summary>
    public static async Task<ValidationReport?> ReadAsync(BlobContainerClient runs, string runId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await runs.GetBlobClient(RunBlobs.Validation(runId)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<ValidationReport>(DatasetJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The verdict, then up to <see cref="Shown"/> problems (errors first), then where the rest are.</summary>
    public static string Render(ValidationReport report, string where)
    {
        var text = new StringBuilder();
        var total = report.Problems.Count + report.ProblemsNotListed;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Rejected: {report.ErrorCount:N0} error(s), {report.WarningCount:N0} warning(s); every problem is in {where}");
        var shown = report.Problems.OrderBy(p => p.Severity == ProblemSeverity.Error ? 0 : 1).Take(Shown).ToList();
        foreach (var p in shown)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {(p.Severity == ProblemSeverity.Error ? "error  " : "warning")} {p.Message}");
        if (total > shown.Count) text.AppendLine(CultureInfo.InvariantCulture, $"  ... and {total - shown.Count:N0} more");
        return text.ToString();
    }
}

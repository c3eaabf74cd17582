using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api;

/// <summary>
/// <c>GET /api/runs/{runId}/validation</c>: the run's validation report (every problem with its file, row and column) as JSON,
/// or as plain text with <c>?format=text</c>. A rejected run's report says why; an accepted run's lists its warnings.
/// </summary>
public sealed class ValidationApi(RunLedger ledger, StorageConnection storage, IOptions<PreferenceOptions> options)
{
    public async Task<IResult> GetValidationAsync(string runId, HttpRequest request, CancellationToken cancellationToken)
    {
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "text"))
            return Problems.Validation("format", $"Unknown format '{format}'; use json or text.");
        var run = await ledger.GetAsync(runId, cancellationToken);
        if (run is null) return Problems.NotFound(runId);
        var blob = storage.Blobs.GetBlobContainerClient(options.Value.RunsContainer).GetBlobClient(RunBlobs.Validation(runId));
        BinaryData content;
        try
        {
            content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Problems.Conflict($"Run {runId} has no validation report yet (status {run.Status}, phase {run.Phase}).");
        }
        if (format != "text") return HttpResults.Bytes(content.ToArray(), "application/json; charset=utf-8");
        ValidationReport? report;
        try
        {
            report = content.ToObjectFromJson<ValidationReport>(DatasetJson.Options);
        }
        catch (JsonException)
        {
            report = null;
        }
        return report is null
            ? Problems.Conflict($"The validation report of run {runId} is not readable; read it as JSON.")
            : HttpResults.Text(ReportText.Render(report), "text/plain; charset=utf-8");
    }
}

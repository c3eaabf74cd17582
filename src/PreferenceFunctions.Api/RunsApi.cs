using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Rapidata;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api;

/// <summary>
/// The run endpoints of the HTTP API, shared by the Functions app and the local host: each method takes the request
/// and a DurableTaskClient and returns an <see cref="IResult"/>. Bad input gets 400 problem+json.
/// </summary>
public sealed class RunsApi(RunStarter starter, RunLedger ledger, StorageConnection storage, RapidataClient rapidata,
    IOptions<PreferenceOptions> options, TimeProvider clock, IOptions<NotificationOptions> notifications)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (body, refused) = await StartRunRequestReader.ReadAsync(request, cancellationToken);
        if (refused is not null) return refused;
        var container = options.Value.DatasetsContainer;
        var folder = body?.Dataset?.Trim('/') ?? (body?.CsvPath is { } csv ? RunStarter.DatasetFolderOf(StripContainer(csv, container)) : null);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return Problems.Validation("dataset",
                "Give \"dataset\" (a folder in the datasets container) or \"csvPath\" (<folder>/matchups.csv).");
        }
        if (folder.Split('/').Any(segment => segment is "" or "." or ".." || segment.Contains('\\')))
        {
            return Problems.Validation("dataset",
                $"\"{folder}\" is not a dataset folder: use a path inside the datasets container, without '.', '..', '\\' or empty segments.");
        }
        var csvBlob = storage.Blobs.GetBlobContainerClient(container).GetBlobClient($"{folder}/{RunStarter.CsvFileName}");
        ETag etag;
        try
        {
            etag = (await csvBlob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Problems.Validation("dataset", $"No {container}/{folder}/{RunStarter.CsvFileName} found. Upload the images, then matchups.csv.");
        }
        catch (RequestFailedException e) when (e.Status is >= 400 and < 500)
        {
            return Problems.Validation("dataset", $"\"{folder}\" is not a usable dataset folder (storage answered {e.Status}).");
        }
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        var runId = string.IsNullOrEmpty(key)
            ? RunIds.ForDatasetVersion(container, folder, etag.ToString())
            : RunIds.ForIdempotencyKey(container, folder, key);
        if (!string.IsNullOrEmpty(key) && await IdempotencyKeyCheck.CheckAsync(client, runId, key, body?.Settings, cancellationToken) is { } reused)
            return reused;
        var start = await starter.StartAsync(client, runId, container, folder, body?.Settings, cancellationToken);
        var links = RunLinks.For(start.RunId);
        // The secret that signs this run's own webhook (order.json "webhook"), told once: to the request that started the run.
        var webhookSecret = start.Started && notifications.Value.WebhookSecret is { } secret ? WebhookSecrets.ForRun(secret, start.RunId) : null;
        return HttpResults.Json(new { runId = start.RunId, started = start.Started, webhookSecret, links }, ApiJson.Options,
            statusCode: StatusCodes.Status202Accepted).WithLocation(links.Status);
    }

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = int.TryParse(request.Query["limit"], out var n) ? Math.Clamp(n, 1, 1000) : 100;
        // Rows come in run-id order; the newest runs are wanted, so all rows are read (one partition, small rows).
        var all = new List<RunView>();
        await foreach (var run in ledger.ListAsync(1000, cancellationToken)) all.Add(ToView(run, progress: null));
        return HttpResults.Json(all.OrderByDescending(r => r.StartedAt).Take(limit), ApiJson.Options);
    }

    public async Task<IResult> GetAsync(string runId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var run = await ledger.GetAsync(runId, cancellationToken);
        if (run is null) return Problems.NotFound(runId);
        // The custom status (live progress) only comes with inputs and outputs; both are small records here.
        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken);
        RunProgress? progress = null;
        if (instance?.SerializedCustomStatus is { } status)
            progress = JsonSerializer.Deserialize<RunProgress>(status, ApiJson.Options);
        return HttpResults.Json(ToView(run, progress), ApiJson.Options);
    }

    /// <summary>Stops a run: the Rapidata order is deleted (or paused with <c>?mode=pause</c>) and the orchestration terminated.</summary>
    public async Task<IResult> CancelAsync(string runId, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var run = await ledger.GetAsync(runId, cancellationToken);
        if (run is null) return Problems.NotFound(runId);
        var pause = string.Equals(request.Query["mode"], "pause", StringComparison.OrdinalIgnoreCase);
        if (run.Status is { } status && status.IsTerminal())
            return Problems.Conflict($"Run {runId} has already ended ({run.Status}).");
        var instance = await client.GetInstanceAsync(runId, cancellationToken);
        if (instance is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
            await client.TerminateInstanceAsync(runId, "Cancelled over the HTTP API", cancellationToken);
        if (run.OrderId is { } orderId)
        {
            if (pause) await rapidata.PauseOrderAsync(orderId, cancellationToken);
            else await rapidata.DeleteOrderAsync(orderId, cancellationToken);
        }
        var reason = pause ? "Cancelled; the Rapidata order was paused." : "Cancelled; the Rapidata order was deleted.";
        var ended = await ledger.CancelAsync(runId, reason, clock.GetUtcNow(), cancellationToken);
        if (ended?.Status != RunStatus.Cancelled)
            return Problems.Conflict($"Run {runId} ended ({ended?.Status}) before it could be cancelled.");
        return HttpResults.Json(new { runId, status = RunStatus.Cancelled, orderId = run.OrderId, order = pause ? "paused" : "deleted" },
            ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static RunView ToView(PreferenceRunEntity run, RunProgress? progress) => new(
        run.RowKey, run.Status, run.Phase, progress, $"{run.DatasetsContainer}/{run.DatasetFolder}", run.OrderId, run.OrderState,
        run.MatchupCount, run.TotalVotes, run.Winner, run.Error, run.NotificationFailures, run.StartedAt, run.CompletedAt,
        RunLinks.For(run.RowKey));

    private static string StripContainer(string path, string container)
    {
        var trimmed = path.Trim('/');
        return trimmed.StartsWith(container + "/", StringComparison.Ordinal) ? trimmed[(container.Length + 1)..] : trimmed;
    }
}

using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Notify;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api;

/// <summary>
/// The run endpoints of the HTTP API, shared by the Functions app and the local host: each method takes the request
/// and a DurableTaskClient and returns an <see cref="IResult"/>. Bad input gets 400 problem+json.
/// </summary>
public sealed class RunsApi(RunStarter starter, RunResumer resumer, RunLedger ledger, StorageConnection storage, OrderAbandoner abandoner,
    IOptions<PreferenceOptions> options, TimeProvider clock, IOptions<NotificationOptions> notifications, RunWebhookSeal webhookSeal,
    DurableHistoryCounter history)
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
        // The webhook URL may carry a token: the run (its history) only ever holds it sealed.
        var settings = body?.Settings;
        if (settings?.Webhook is { } webhook)
        {
            if (!webhookSeal.CanSeal) return Problems.Validation("settings.webhook", $"settings.webhook: {RunWebhookSeal.NeedsSecret}.");
            settings = settings with { Webhook = webhookSeal.Seal(webhook) };
        }
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        var runId = string.IsNullOrEmpty(key)
            ? RunIds.ForDatasetVersion(container, folder, etag.ToString())
            : RunIds.ForIdempotencyKey(container, folder, key);
        if (!string.IsNullOrEmpty(key) && await IdempotencyKeyCheck.CheckAsync(client, runId, key, settings, cancellationToken) is { } reused)
            return reused;
        var start = await starter.StartAsync(client, runId, container, folder, settings, cancellationToken);
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
        // A re-upload identical to a completed run ordered nothing: the completed run answers for it.
        if (run.SameAsRun is { } earlier && await ledger.GetAsync(earlier, cancellationToken) is { } answer)
        {
            return HttpResults.Json(ToView(answer, progress: null) with
            {
                RequestedRunId = runId,
                Note = $"Run {runId} repeats run {earlier} byte for byte (matchups, images, settings): nothing was ordered for it, and this is run {earlier}. " +
                    "Set \"rerun\": true in order.json to order again.",
            }, ApiJson.Options);
        }
        // The custom status (live progress) only comes with inputs and outputs; both are small records here.
        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken);
        RunProgress? progress = null;
        if (instance?.SerializedCustomStatus is { } status)
            progress = JsonSerializer.Deserialize<RunProgress>(status, ApiJson.Options);
        var view = ToView(run, progress);
        if (instance is not null && view.Usage is { } usage)
            view = view with { Usage = usage with { HistoryEvents = await history.CountAsync(runId, cancellationToken) } };
        return HttpResults.Json(view, ApiJson.Options);
    }

    /// <summary>
    /// Stops a run. The run is told (an external event) and stops its own order: a submitted order is paused, deleted or
    /// kept per <c>?mode=pause|delete|keep</c> (default <see cref="PreferenceOptions.OnAbandon"/>), an order not yet
    /// submitted is deleted. A run that does not stop within <see cref="PreferenceOptions.CancelTimeout"/> (a worker down)
    /// is terminated and its order handled here.
    /// </summary>
    public async Task<IResult> CancelAsync(string runId, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var run = await ledger.GetAsync(runId, cancellationToken);
        if (run is null) return Problems.NotFound(runId);
        var mode = request.Query["mode"].ToString();
        var action = options.Value.OnAbandon;
        if (mode.Length > 0 && (!Enum.TryParse(mode, ignoreCase: true, out action) || !Enum.IsDefined(action)))
            return Problems.Validation("mode", $"mode must be pause, delete or keep; got \"{mode}\".");
        if (run.Status is { } status && status.IsTerminal())
            return Problems.Conflict($"Run {runId} has already ended ({run.Status}).");

        var reason = "Cancelled over the HTTP API.";
        var instance = await client.GetInstanceAsync(runId, cancellationToken);
        if (RunInstances.IsActive(instance))
        {
            await client.RaiseEventAsync(runId, CancelRequest.EventName, new CancelRequest(action, reason), cancellationToken);
            if (await RunInstances.WaitForEndAsync(client, runId, options.Value.CancelTimeout, cancellationToken) &&
                await ledger.GetAsync(runId, cancellationToken) is { } stopped)
                return Cancelled(stopped);
            await client.TerminateInstanceAsync(runId, reason, cancellationToken);
        }
        // The last resort: the run did not stop by itself (or has no orchestration left), so its order is handled here.
        run = await ledger.GetAsync(runId, cancellationToken) ?? run;
        // Job flow: only a job is paid for (the row's OrderId is its dataset until the job exists). An order never
        // submitted is deleted whatever was asked.
        var jobs = run.Flow == RapidataFlow.Jobs;
        var outcome = (jobs ? run.JobId : run.OrderId) is { } orderId
            ? await abandoner.AbandonAsync(new AbandonOrderInput(runId, orderId,
                !jobs && run.SubmittedAt is null ? OrderAbandonAction.Delete : action, reason), cancellationToken)
            : null;
        var cancelled = await ledger.CancelAsync(runId, outcome is null ? reason : $"{reason} The order was {outcome}.", clock.GetUtcNow(),
            cancellationToken);
        return cancelled is null ? Problems.NotFound(runId) : Cancelled(cancelled);
    }

    /// <summary>A Failed or Cancelled run whose order was submitted waits for that order again; <c>?deadline=</c> (a TimeSpan,
    /// e.g. <c>2.00:00:00</c>) sets how long, the configured deadline otherwise.</summary>
    public async Task<IResult> ResumeAsync(string runId, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        TimeSpan? deadline = null;
        var text = request.Query["deadline"].ToString();
        if (text.Length > 0)
        {
            if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var parsed) || parsed <= TimeSpan.Zero)
                return Problems.Validation("deadline", $"deadline must be a positive TimeSpan such as 2.00:00:00; got \"{text}\".");
            deadline = parsed;
        }
        return Picked(await resumer.ResumeAsync(client, runId, deadline, cancellationToken));
    }

    /// <summary>Rebuilds the run's tables and report from its stored results.json.</summary>
    public async Task<IResult> ReaggregateAsync(string runId, DurableTaskClient client, CancellationToken cancellationToken) =>
        Picked(await resumer.ReaggregateAsync(client, runId, cancellationToken));

    private static IResult Picked(RunPickup pickup) => pickup.Outcome switch
    {
        RunPickupOutcome.NotFound => Problems.NotFound(pickup.RunId),
        RunPickupOutcome.Refused => Problems.Conflict(pickup.Message),
        _ => HttpResults.Json(new
            {
                runId = pickup.RunId, started = pickup.Outcome == RunPickupOutcome.Started, message = pickup.Message,
                links = RunLinks.For(pickup.RunId),
            }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted),
    };

    /// <summary>202 when the run is now Cancelled; 409 when it ended otherwise first (e.g. completed while asked).</summary>
    private static IResult Cancelled(PreferenceRunEntity run) => run.Status == RunStatus.Cancelled
        ? HttpResults.Json(new { runId = run.RowKey, status = run.Status, orderId = run.OrderId, order = run.OrderAbandoned },
            ApiJson.Options, statusCode: StatusCodes.Status202Accepted)
        : Problems.Conflict($"Run {run.RowKey} ended ({run.Status}) before it could be cancelled.");

    private RunView ToView(PreferenceRunEntity run, RunProgress? progress) => new(
        run.RowKey, run.Status, run.Phase, progress, $"{run.DatasetsContainer}/{run.DatasetFolder}", run.OrderId, run.OrderState,
        run.MatchupCount, run.TotalVotes, run.Winner, run.Error, run.NotificationFailures, run.StartedAt, run.CompletedAt,
        RunLinks.For(run.RowKey), run.Flow, run.JobState, run.EstimatedCost, Usage: RunUsage.Of(run, clock.GetUtcNow()),
        Leaders: LeaderNames.Parse(run.Leaders), VotesOrdered: run.MatchupCount * run.ResponsesPerMatchup);

    private static string StripContainer(string path, string container)
    {
        var trimmed = path.Trim('/');
        return trimmed.StartsWith(container + "/", StringComparison.Ordinal) ? trimmed[(container.Length + 1)..] : trimmed;
    }
}

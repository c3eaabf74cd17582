using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Kernel.Telemetry;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Rapidata.Telemetry;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Wraps every activity where the hosts dispatch it (the local worker's registry, the Functions shims): a span per
/// execution tagged with the run id, dataset, phase and order id; a log scope with the run id; the duration histogram;
/// and the Rapidata calls and retries it made, added to the run's row (a chunk of the run's own fan-out hands them to the
/// orchestrator in its result instead, <see cref="UploadChunkInput.CallsInResult"/>; a failed attempt adds its own).
/// Activities run outside the orchestrator's replay, so each execution is measured once.
/// </summary>
public sealed partial class TracedTaskActivity(ITaskActivity inner, RunLedger ledger, ILogger<TracedTaskActivity> logger) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    /// <summary>The activity of type <paramref name="activityType"/> from <paramref name="services"/>, wrapped.</summary>
    public static TracedTaskActivity Create(Type activityType, IServiceProvider services) =>
        new((ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(services, activityType),
            services.GetRequiredService<RunLedger>(), services.GetRequiredService<ILogger<TracedTaskActivity>>());

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var step = context.Name.Name.EndsWith("Activity", StringComparison.Ordinal) ? context.Name.Name[..^"Activity".Length] : context.Name.Name;
        var runId = (input as IRunInput)?.RunId;
        using var span = PipelineTelemetry.Source.StartActivity(step, ActivityKind.Internal);
        Tag(span, runId, input);
        using var scope = runId is null ? null : logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId });
        using var tally = RapidataCallTally.Begin();
        var started = Stopwatch.GetTimestamp();
        var outcome = "succeeded";
        var callsInResult = false;
        try
        {
            var output = await inner.RunAsync(context, input);
            if (input is UploadChunkInput { CallsInResult: true } && output is UploadChunkResult chunk)
            {
                callsInResult = true;
                return chunk with { RapidataCalls = tally.Calls, RapidataRetries = tally.Retries };
            }
            return output;
        }
        catch (Exception e)
        {
            outcome = "failed";
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            span?.SetTag("error.type", e.GetType().Name);
            throw;
        }
        finally
        {
            PipelineTelemetry.ActivityDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new("preference.activity", step), new("preference.outcome", outcome));
            if (runId is not null && tally.Calls > 0 && !callsInResult) await RecordCallsAsync(runId, tally);
        }
    }

    private static void Tag(Activity? span, string? runId, object? input)
    {
        if (span is null) return;
        span.SetTag(PipelineTelemetry.RunIdTag, runId);
        var (dataset, phase, orderId) = input switch
        {
            StageDatasetRequest r => (r.DatasetFolder, RunPhase.Validating, null),
            CreateOrderInput => (null, RunPhase.CreatingOrder, null),
            UploadChunkInput r => (r.DatasetFolder, RunPhase.Uploading, null),
            OrderStep r => (null, (RunPhase?)null, r.OrderId),
            AbandonOrderInput r => (null, null, r.OrderId),
            RunCheckpoint r => (null, r.Progress.Phase, null),
            NotifyInput r => (null, r.Phase, null),
            _ => ((string?)null, (RunPhase?)null, (string?)null),
        };
        span.SetTag(PipelineTelemetry.DatasetTag, dataset);
        span.SetTag(PipelineTelemetry.PhaseTag, phase?.ToString());
        span.SetTag(PipelineTelemetry.OrderIdTag, orderId);
    }

    /// <summary>Best effort: the calls were made whatever the row says, and the activity's result must not depend on it.</summary>
    private async Task RecordCallsAsync(string runId, RapidataCallTally tally)
    {
        try
        {
            await ledger.AddRapidataCallsAsync(runId, tally.Calls, tally.Retries);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCallsNotRecorded(logger, runId, tally.Calls, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: {Calls} Rapidata calls not added to the run's row ({Error})")]
    private static partial void LogCallsNotRecorded(ILogger logger, string runId, long calls, string error);
}

using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Starts runs, exactly once per run id: the blob trigger, the local watcher and the HTTP API all come through here.
/// </summary>
public sealed partial class RunStarter(RunLedger ledger, IOptions<PreferenceOptions> options, TimeProvider clock, ILogger<RunStarter> logger)
{
    public const string CsvFileName = "matchups.csv";

    /// <summary>The dataset folder of a <c>&lt;folder&gt;/matchups.csv</c> blob name, or null for any other blob.</summary>
    public static string? DatasetFolderOf(string blobName)
    {
        var name = blobName.Replace('\\', '/').TrimStart('/');
        if (!name.EndsWith("/" + CsvFileName, StringComparison.Ordinal)) return null;
        var folder = name[..^(CsvFileName.Length + 1)];
        return folder.Length == 0 ? null : folder;
    }

    /// <summary>A new or changed <c>matchups.csv</c>: one run per blob version (its ETag).</summary>
    public Task<RunStart> StartForBlobAsync(DurableTaskClient client, string container, string datasetFolder, string csvETag,
        CancellationToken cancellationToken = default) =>
        StartAsync(client, RunIds.ForDatasetVersion(container, datasetFolder, csvETag), container, datasetFolder, null, cancellationToken);

    public async Task<RunStart> StartAsync(DurableTaskClient client, string runId, string container, string datasetFolder,
        OrderSettingsOverrides? overrides, CancellationToken cancellationToken = default)
    {
        var existing = await client.GetInstanceAsync(runId, cancellationToken);
        if (existing is not null)
        {
            LogAlreadyStarted(runId);
            return new RunStart(runId, Started: false);
        }
        var settings = options.Value;
        // The run row is the claim: of several starters racing for one run id (hosts, a redelivered event), only the
        // one that creates the row schedules the run. The others wait for it, and take over only if it never does.
        var claimed = await ledger.TryClaimAsync(runId, container, datasetFolder, clock.GetUtcNow(), cancellationToken);
        if (!claimed && await WaitForInstanceAsync(client, runId, cancellationToken))
        {
            LogAlreadyStarted(runId);
            return new RunStart(runId, Started: false);
        }
        var request = RunRequest.For(runId, container, datasetFolder, overrides, settings);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(PreferenceRunOrchestrator), request,
                new StartOrchestrationOptions(runId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Another host or a redelivered event may have won the race for this run id.
            if (await client.GetInstanceAsync(runId, cancellationToken) is null) throw;
            LogAlreadyStarted(runId);
            return new RunStart(runId, Started: false);
        }
        LogStarted(runId, container, datasetFolder);
        return new RunStart(runId, Started: true);
    }

    /// <summary>True when the run's instance appears within <see cref="ClaimTimeout"/>.</summary>
    private async Task<bool> WaitForInstanceAsync(DurableTaskClient client, string runId, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + ClaimTimeout;
        do
        {
            if (await client.GetInstanceAsync(runId, cancellationToken) is not null) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken);
        }
        while (clock.GetUtcNow() < deadline);
        return false;
    }

    /// <summary>How long a starter that lost the claim waits for the winner to schedule the run before taking over.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(15);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started run {RunId} for {Container}/{DatasetFolder}")]
    private partial void LogStarted(string runId, string container, string datasetFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} already exists; nothing started")]
    private partial void LogAlreadyStarted(string runId);
}

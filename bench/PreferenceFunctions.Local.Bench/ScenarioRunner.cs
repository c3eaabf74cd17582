using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Api;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Engine;
using PreferenceFunctions.Local.Hosting;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Local.Bench;

/// <summary>
/// Runs one scenario on a fresh task hub and containers: an in-process local host with an instant-crowd emulator, the
/// dataset uploaded like a user would, the clock stopped when the results are in the tables.
/// </summary>
public static class ScenarioRunner
{
    public static async Task<BenchResult> RunAsync(BenchScenario scenario, CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            ["Local:TaskHub"] = $"bench{suffix}",
            ["Preference:DatasetsContainer"] = $"bench-datasets-{suffix}",
            ["Preference:RunsContainer"] = $"bench-runs-{suffix}",
            ["Preference:PollInterval"] = "00:00:00.500",
            ["Preference:MaxPollInterval"] = "00:00:02",
        };
        var emulator = new EmulatorOptions { Crowd = new CrowdOptions { VotesPerSecond = 0, ReviewDelay = TimeSpan.Zero } };
        await using var host = await InProcessLocalHost.StartAsync(settings, emulator, cancellationToken);
        var storage = host.Services.GetRequiredService<StorageConnection>();
        var options = host.Services.GetRequiredService<IOptions<PreferenceOptions>>().Value;
        var results = host.Services.GetRequiredService<ResultsApi>();
        var uploader = new DatasetUploader(storage.Blobs.GetBlobContainerClient(options.DatasetsContainer), parallelUploads: 16);

        var uploadClock = Stopwatch.StartNew();
        var upload = await uploader.UploadAsync(scenario.DatasetFolder, scenario.Name, cancellationToken: cancellationToken);
        var uploadTime = uploadClock.Elapsed;
        // The drop is complete when matchups.csv is in the container: the clock runs from there to rows in the tables.
        var clock = Stopwatch.StartNew();
        var phases = new List<string>();
        var run = await WaitForEndAsync(host, upload.RunId, scenario.Target * 3, phases, clock, cancellationToken);
        var elapsed = clock.Elapsed;
        var rows = run == "Completed" ? (await results.ReadMatchupsAsync(upload.RunId, cancellationToken)).Count : 0;
        var engine = host.Services.GetRequiredService<LocalDurableEngine>();
        var history = await CountHistoryAsync(storage, engine.TaskHubName, upload.RunId, cancellationToken);
        Console.WriteLine($"  {scenario.Name}: user upload {uploadTime.TotalSeconds:0.0} s (not counted), csv to tables {elapsed.TotalSeconds:0.0} s, {run}");
        Console.WriteLine($"    phases entered at: {string.Join(", ", phases)}");
        return new BenchResult(scenario, run, elapsed, history, rows);
    }

    private static async Task<string> WaitForEndAsync(InProcessLocalHost host, string runId, TimeSpan timeout, List<string> phases,
        Stopwatch clock, CancellationToken cancellationToken)
    {
        string? phase = null;
        while (clock.Elapsed < timeout)
        {
            var run = await host.Api.GetRunAsync(runId, cancellationToken);
            var now = (run?.Progress?.Phase ?? run?.Phase)?.ToString();
            if (now is not null && now != phase) phases.Add($"{now} {clock.Elapsed.TotalSeconds:0.0} s");
            phase = now;
            if (run?.Status is { } status && status.IsTerminal()) return status.ToString();
            await Task.Delay(100, cancellationToken);
        }
        return "TimedOut";
    }

    /// <summary>Rows of the task hub's History table for the run: the orchestration's history events.</summary>
    private static async Task<int> CountHistoryAsync(StorageConnection storage, string taskHub, string instanceId, CancellationToken cancellationToken)
    {
        var count = 0;
        var history = storage.Tables.GetTableClient(taskHub + "History");
        await foreach (var _ in history.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["PartitionKey"],
                           cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }
}

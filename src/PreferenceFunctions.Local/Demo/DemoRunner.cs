using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Api;
using PreferenceFunctions.Cli;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Hosting;
using PreferenceFunctions.Pipeline.Kernel;
using Spectre.Console;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Local.Demo;

/// <summary>
/// The whole product on one machine: an Azurite of its own, Rapidata (configured or the emulator), the local host
/// in-process on its own task hub; uploads a dataset like a user, follows the run, prints and saves the results.
/// </summary>
public sealed class DemoRunner(IAnsiConsole console)
{
    /// <summary>Defaults of the demo host, unless the user configured them: its own task hub, a snappy monitor loop.</summary>
    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["Local:TaskHub"] = "PreferenceFunctionsDemo",
        ["Preference:PollInterval"] = "00:00:01",
        ["Preference:MaxPollInterval"] = "00:00:05",
        ["Logging:LogLevel:PreferenceFunctions"] = "Warning", // the progress display says what happens
    };

    /// <returns>0 when the run's results are in the tables, 1 otherwise.</returns>
    public async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var configuration = LocalConfiguration.Load();
        // The demo's own storage namespace: an Azurite of its own, so another host on this machine (a `serve` on the Azurite
        // at 10000-10002) never sees the demo's datasets, claims or runs, and the demo never sees (or takes over) theirs.
        var shared = await AzuriteProcess.DefaultPortsInUseAsync(cancellationToken);
        await using var azurite = await AzuriteProcess.StartPrivateAsync(TimeSpan.FromMinutes(3), cancellationToken);
        var leftAlone = shared ? "; the one on 10000-10002 is left alone" : "";
        var ports = string.Join(",", azurite.Ports);
        console.MarkupLineInterpolated($"Azurite: the demo's own on 127.0.0.1:{ports} (in memory, stopped at the end){leftAlone}.");

        // appsettings.json holds the host's defaults; the demo's own win over them, the user's environment wins over both.
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var overrides = Defaults.Where(d => string.IsNullOrEmpty(environment[d.Key]))
            .ToDictionary(d => d.Key, d => (string?)d.Value);
        if (settings.Flow is { } flow) overrides["Preference:Flow"] = flow.ToString();
        overrides[StorageConnection.SettingName] = azurite.ConnectionString; // always: the demo's storage is its own
        await using var host = await InProcessLocalHost.StartAsync(overrides, EmulatorOptionsFor(configuration, settings.Seed), cancellationToken);
        console.MarkupLineInterpolated($"Local host: {host.BaseAddress}api/runs; Rapidata: {host.RapidataDescription}.");
        console.MarkupLineInterpolated($"Dashboard: {host.BaseAddress} (while the demo runs; `serve` keeps one at http://127.0.0.1:7071/).");

        var storage = host.Services.GetRequiredService<StorageConnection>();
        var options = host.Services.GetRequiredService<IOptions<PreferenceOptions>>().Value;
        var uploader = new DatasetUploader(storage.Blobs.GetBlobContainerClient(options.DatasetsContainer));
        var upload = await uploader.UploadAsync(settings.DatasetFolder, settings.DatasetName, cancellationToken: cancellationToken);
        console.MarkupLineInterpolated($"Uploaded {upload.Files} files to {upload.Container}/{upload.Dataset}/ (matchups.csv last); run {upload.RunId}.");

        var run = await new RunFollower(host.Api, console).FollowAsync(upload.RunId, settings.Timeout, cancellationToken);
        await WaitForOrchestrationAsync(host, run.RunId, cancellationToken);
        if (run.Status != RunStatus.Completed)
        {
            console.MarkupLineInterpolated($"[red]Run {run.RunId} ended {run.Status}: {run.Error ?? "no reason given"}[/]");
            if (run.Status == RunStatus.Rejected)
            {
                // The demo's Azurite is gone when it ends: print the problems now.
                var runs = storage.Blobs.GetBlobContainerClient(options.RunsContainer);
                if (await RejectionProblems.ReadAsync(runs, run.RunId, cancellationToken) is { } report)
                    console.Write(new Text(RejectionProblems.Render(report, $"'validate {settings.DatasetFolder}'")));
            }
            return 1;
        }

        var results = host.Services.GetRequiredService<ResultsApi>();
        var models = await results.ReadModelsAsync(run.RunId, cancellationToken);
        var matchups = await results.ReadMatchupsAsync(run.RunId, cancellationToken);
        if (models.Count == 0 || matchups.Count == 0)
        {
            console.MarkupLineInterpolated($"[red]Run {run.RunId} completed but the tables hold {models.Count} ModelScores and {matchups.Count} MatchupResults rows.[/]");
            return 1;
        }
        ResultsPrinter.Print(console, await host.Api.GetResultsAsync(run.RunId, cancellationToken));

        var rawResults = storage.Blobs.GetBlobContainerClient(options.RunsContainer).GetBlobClient(RunBlobs.Results(run.RunId));
        var written = await DemoOutput.WriteAsync(settings.OutputFolder, run.RunId, rawResults, host.Api, cancellationToken);
        console.MarkupLineInterpolated($"[green]Done:[/] {matchups.Count} matchups and {models.Count} models in the tables; wrote {string.Join(", ", written.Select(Path.GetFileName))} to {Path.GetFullPath(settings.OutputFolder)}.");
        return 0;
    }

    /// <summary>
    /// The run's row says it ended before the orchestration's last step (sending the events) is done; stopping the host
    /// in between would cut that step off, so give it a moment.
    /// </summary>
    private static async Task WaitForOrchestrationAsync(InProcessLocalHost host, string runId, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(runId, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The results are what the demo is about; a slow last step is picked up on the next start.
        }
    }

    /// <summary>The emulator's crowd for the demo: the <c>Emulator</c> section if set, else a crowd that prefers Flux a little.</summary>
    private static EmulatorOptions? EmulatorOptionsFor(IConfiguration configuration, int? seed)
    {
        if (configuration.GetSection(EmulatorOptions.SectionName).Exists()) return null;
        var options = new EmulatorOptions();
        if (seed is { } value) options.Crowd.Seed = value;
        options.Crowd.ModelStrengths["flux"] = 1.6;
        options.Crowd.ModelStrengths["stable_diffusion"] = 1.0;
        return options;
    }
}

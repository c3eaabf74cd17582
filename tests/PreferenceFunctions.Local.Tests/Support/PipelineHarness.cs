using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Api;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Hosting;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Support;

/// <summary>
/// One end-to-end test's world: Azurite with its own task hub and containers, the Rapidata emulator on 127.0.0.1 (in this
/// process, so it outlives killed hosts), and local hosts started as child processes against both.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    public const string SampleDataset = "flux-vs-sd3";
    private readonly List<ServeProcess> _hosts = [];

    private PipelineHarness(string connectionString, RapidataEmulatorHost emulator)
    {
        ConnectionString = connectionString;
        Emulator = emulator;
        Storage = StorageConnection.FromConnectionString(connectionString);
        var options = Options.Create(new PreferenceOptions { DatasetsContainer = DatasetsContainer, RunsContainer = RunsContainer });
        Results = new ResultsApi(new RunLedger(Storage), Storage, options);
        Runs = new RunLedger(Storage);
    }

    public string ConnectionString { get; }
    public RapidataEmulatorHost Emulator { get; }
    public StorageConnection Storage { get; }
    public RunLedger Runs { get; }
    public ResultsApi Results { get; }
    public string TaskHub { get; } = "t" + UniqueName.For("hub");
    public string DatasetsContainer { get; } = UniqueName.For("datasets");
    public string RunsContainer { get; } = UniqueName.For("runs");

    /// <param name="votesPerSecond">The crowd's speed; 0 = every vote at once.</param>
    /// <param name="connectionString">Storage of the test's own (e.g. an Azurite it stops); the shared test Azurite when null.</param>
    public static async Task<PipelineHarness> StartAsync(double votesPerSecond = 0, string? connectionString = null)
    {
        connectionString ??= await Azurite.GetConnectionStringAsync();
        var emulator = await RapidataEmulatorHost.StartAsync(new EmulatorOptions
        {
            Crowd = new CrowdOptions { VotesPerSecond = votesPerSecond, ReviewDelay = TimeSpan.Zero },
        });
        return new PipelineHarness(connectionString, emulator);
    }

    public Dictionary<string, string> HostEnvironment() => new()
    {
        ["AzureWebJobsStorage"] = ConnectionString,
        ["Local__TaskHub"] = TaskHub,
        ["Local__LeaseInterval"] = "00:00:10",
        ["Local__MessageVisibilityTimeout"] = "00:00:30",
        ["Preference__DatasetsContainer"] = DatasetsContainer,
        ["Preference__RunsContainer"] = RunsContainer,
        ["Preference__PollInterval"] = "00:00:00.500",
        ["Preference__MaxPollInterval"] = "00:00:02",
        ["Rapidata__ApiBaseUrl"] = Emulator.BaseUrl.ToString(),
        ["Rapidata__AuthBaseUrl"] = Emulator.BaseUrl.ToString(),
        ["Rapidata__ClientId"] = Emulator.ClientId,
        ["Rapidata__ClientSecret"] = Emulator.ClientSecret,
    };

    public async Task<ServeProcess> StartHostAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = HostEnvironment();
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) environment[key] = value;
        var host = await ServeProcess.StartAsync(environment);
        _hosts.Add(host);
        return host;
    }

    /// <summary>The local host inside the test process (for endpoint tests), on this harness's storage and emulator.</summary>
    /// <param name="taskHub">Another task hub than the harness's (a host of another app on the same storage).</param>
    public Task<InProcessLocalHost> StartInProcessHostAsync(bool watch = true, IReadOnlyDictionary<string, string?>? extra = null,
        string? taskHub = null)
    {
        var settings = HostEnvironment().ToDictionary(e => e.Key.Replace("__", ":"), e => (string?)e.Value);
        settings["Local:WatchDatasets"] = watch ? "true" : "false";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        if (taskHub is not null) settings["Local:TaskHub"] = taskHub;
        return InProcessLocalHost.StartAsync(settings, emulatorOptions: null, CancellationToken.None);
    }

    /// <summary>Uploads samples/flux-vs-sd3 (or <paramref name="folder"/>) under <paramref name="dataset"/>, images first and
    /// matchups.csv last.</summary>
    public Task<DatasetUpload> DropSampleAsync(string dataset = SampleDataset, string? folder = null) =>
        new DatasetUploader(Storage.Blobs.GetBlobContainerClient(DatasetsContainer))
            .UploadAsync(folder ?? Path.Combine(Azurite.RepositoryRoot(), "samples", SampleDataset), dataset);

    /// <summary>Waits, reading the PreferenceRuns row (not a host: hosts get killed), until <paramref name="done"/>.</summary>
    public Task<PreferenceRunEntity?> WaitForRunAsync(string runId, Func<PreferenceRunEntity, bool> done, TimeSpan timeout, string what) =>
        Eventually.GetAsync(() => Runs.GetAsync(runId), run => run is not null && done(run), timeout,
            $"{what} (run {runId})\n{string.Join("\n---\n", _hosts.Select(h => h.Output))}");

    public Task<PreferenceRunEntity?> WaitForEndAsync(string runId, TimeSpan timeout) =>
        WaitForRunAsync(runId, run => run.Status is { } status && status.IsTerminal(), timeout, "the run to end");

    /// <summary>The emulator's orders as its admin API lists them (id, state, datapoints, votes).</summary>
    public async Task<List<JsonElement>> OrdersAsync()
    {
        using var http = new HttpClient { BaseAddress = Emulator.BaseUrl };
        return await http.GetFromJsonAsync<List<JsonElement>>("_emulator/orders") ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) host.Dispose();
        await Emulator.DisposeAsync();
    }
}

using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PreferenceFunctions.Api;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Pipeline.Hosting;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>
/// Everything a run needs, real: Azurite, the Rapidata emulator over HTTP, and the orchestrator and activities on
/// DurableTaskTestHost with the same registrations as the Functions app. Containers and the queue are unique per test.
/// </summary>
public sealed class RunHarness : IAsyncDisposable
{
    private RunHarness(RapidataEmulatorHost emulator, DurableTaskTestHost host, ServiceProvider services, IConfiguration configuration)
    {
        Emulator = emulator;
        Host = host;
        Services = services;
        Configuration = configuration;
    }

    public RapidataEmulatorHost Emulator { get; }
    public DurableTaskTestHost Host { get; }
    public DurableTaskClient Client => Host.Client;
    public ServiceProvider Services { get; }
    public IConfiguration Configuration { get; }
    public StorageConnection Storage => Services.GetRequiredService<StorageConnection>();
    public string DatasetsContainer => Configuration["Preference:DatasetsContainer"]!;
    public string RunsContainer => Configuration["Preference:RunsContainer"]!;
    public BlobContainerClient Datasets => Storage.Blobs.GetBlobContainerClient(DatasetsContainer);
    public BlobContainerClient Runs => Storage.Blobs.GetBlobContainerClient(RunsContainer);

    /// <param name="flow">The runs' flow (<c>Preference:Flow</c>); the order flow unless a test asks for jobs, null for the
    /// app's default (Jobs). order.json can still choose.</param>
    /// <param name="tasks">The worker's tasks; the app's list (<see cref="PreferenceTasks"/>) when null.</param>
    public static async Task<RunHarness> StartAsync(Action<EmulatorOptions>? emulator = null, IDictionary<string, string?>? settings = null,
        RapidataFlow? flow = RapidataFlow.Orders, Action<DurableTaskRegistry>? tasks = null)
    {
        var emulatorOptions = new EmulatorOptions();
        emulatorOptions.Crowd.VotesPerSecond = 0; // instant crowd unless a test slows it down
        emulator?.Invoke(emulatorOptions);
        var rapidata = await RapidataEmulatorHost.StartAsync(emulatorOptions);
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await Azurite.GetConnectionStringAsync(),
            ["Rapidata:ApiBaseUrl"] = rapidata.BaseUrl.ToString(),
            ["Rapidata:AuthBaseUrl"] = rapidata.BaseUrl.ToString(),
            ["Rapidata:ClientId"] = rapidata.ClientId,
            ["Rapidata:ClientSecret"] = rapidata.ClientSecret,
            ["Preference:DatasetsContainer"] = UniqueName.For("datasets"),
            ["Preference:RunsContainer"] = UniqueName.For("runs"),
            ["Preference:PollInterval"] = "00:00:00.200",
            ["Preference:MaxPollInterval"] = "00:00:01",
            ["Notifications:QueueName"] = UniqueName.For("events"),
        };
        if (flow is { } chosen) values["Preference:Flow"] = chosen.ToString();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddPreferencePipeline(configuration)
            .AddPreferenceApi(taskHub: "InMemoryEngine") // the in-memory engine keeps no history table: the view counts none
            .BuildServiceProvider();
        foreach (var hosted in services.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);

        var host = await DurableTaskTestHost.StartAsync(
            registry =>
            {
                if (tasks is null) registry.AddPreferenceTasks();
                else tasks(registry);
            },
            new DurableTaskTestHostOptions
            {
                Port = FreePort.Next(),
                ConfigureServices = s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPreferencePipeline(configuration),
                LoggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning)),
            });
        return new RunHarness(rapidata, host, services, configuration);
    }

    /// <summary>Uploads a dataset folder from disk the way a user would: images first, matchups.csv last.</summary>
    public async Task<string> UploadDatasetAsync(string sourceFolder, string datasetName)
    {
        var files = Directory.EnumerateFiles(sourceFolder, "*", SearchOption.AllDirectories)
            .OrderBy(f => Path.GetFileName(f) == "matchups.csv" ? 1 : 0).ToList();
        string etag = "";
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(sourceFolder, file).Replace('\\', '/');
            var blob = Datasets.GetBlobClient($"{datasetName}/{relative}");
            var info = await blob.UploadAsync(file, overwrite: true);
            if (relative == "matchups.csv") etag = info.Value.ETag.ToString();
        }
        return etag;
    }

    /// <summary>The run's first two steps called as activities: an uploaded dataset staged (and accepted), its order created.</summary>
    public async Task<(StagedDataset Staged, OrderReference Order)> StageAndCreateOrderAsync(string datasetName, string runId)
    {
        ITaskActivity load = ActivatorUtilities.CreateInstance<LoadDatasetActivity>(Services);
        var staged = (StagedDataset)(await load.RunAsync(new TestActivityContext("load", runId),
            new StageDatasetRequest(DatasetsContainer, datasetName, runId, RunsContainer)))!;
        Assert.True(staged.Accepted, string.Join("; ", staged.FirstErrors));
        ITaskActivity create = ActivatorUtilities.CreateInstance<CreateOrderActivity>(Services);
        var order = (OrderReference)(await create.RunAsync(new TestActivityContext("create", runId), new CreateOrderInput(runId, staged.Settings)))!;
        return (staged, order);
    }

    public static string SamplePath => Path.Combine(Azurite.RepositoryRoot(), "samples", "flux-vs-sd3");

    public Task<RunStart> StartRunAsync(string datasetName, string csvETag) =>
        Services.GetRequiredService<RunStarter>().StartForBlobAsync(Client, DatasetsContainer, datasetName, csvETag);

    public async Task<OrchestrationMetadata> WaitAsync(string runId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        return await Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, cts.Token);
    }

    /// <summary>Asserts the run ended with <paramref name="expected"/>, showing the run's error and status otherwise.</summary>
    public static RunResult AssertOutcome(OrchestrationMetadata done, RunPhase expected)
    {
        var result = done.ReadOutputAs<RunResult>();
        Assert.True(result?.Outcome == expected,
            $"Expected {expected}, got {result?.Outcome} ({done.RuntimeStatus}): {result?.Error ?? done.FailureDetails?.ErrorMessage}; status {done.SerializedCustomStatus}");
        return result!;
    }

    public Task<PreferenceRunEntity?> RunRowAsync(string runId) => Services.GetRequiredService<RunLedger>().GetAsync(runId);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Datasets.DeleteIfExistsAsync();
        await Runs.DeleteIfExistsAsync();
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

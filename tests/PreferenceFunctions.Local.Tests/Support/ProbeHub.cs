using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using PreferenceFunctions.Local.Tests.Probe;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Support;

/// <summary>
/// A fresh task hub on Azurite for one test, with a Durable Task client that talks to storage directly (no worker), so
/// only the probe processes under test run the work.
/// </summary>
public sealed class ProbeHub
{
    private ProbeHub(string connectionString, string taskHub, AzureStorageOrchestrationService service)
    {
        ConnectionString = connectionString;
        TaskHub = taskHub;
        Service = service;
        Client = new TaskHubClient(service);
    }

    public string ConnectionString { get; }
    public string TaskHub { get; }
    public AzureStorageOrchestrationService Service { get; }
    public TaskHubClient Client { get; }

    public static async Task<ProbeHub> CreateAsync()
    {
        var connectionString = await Azurite.GetConnectionStringAsync();
        var taskHub = "probe" + UniqueName.For("h");
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        });
        await service.CreateIfNotExistsAsync();
        return new ProbeHub(connectionString, taskHub, service);
    }

    /// <summary>Environment of a probe host process on this hub.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = ConnectionString,
        ["Local__TaskHub"] = TaskHub,
    };

    public ChildProcess StartHost(IReadOnlyDictionary<string, string>? settings = null) =>
        ChildProcess.StartDotnet(typeof(ProbeProgram).Assembly.Location, [ProbeProgram.Command],
            settings is null ? Environment : Environment.Concat(settings).ToDictionary());

    public async Task<string> ScheduleLongActivityAsync(LongActivityInput input) =>
        (await Client.CreateOrchestrationInstanceAsync(nameof(ProbeLongActivityOrchestrator), "", input)).InstanceId;

    public async Task<string> ScheduleAsync(int timerSeconds)
    {
        var instance = await Client.CreateOrchestrationInstanceAsync(nameof(ProbeOrchestrator), "", timerSeconds);
        return instance.InstanceId;
    }

    public async Task<OrchestrationState?> GetStateAsync(string instanceId) =>
        (await Client.GetOrchestrationStateAsync(instanceId, allExecutions: false)).FirstOrDefault();

    public Task<OrchestrationState?> WaitForAsync(string instanceId, Func<OrchestrationState, bool> done, TimeSpan timeout, string what) =>
        Eventually.GetAsync(() => GetStateAsync(instanceId), state => state is not null && done(state), timeout, what);

    public static List<string> OutputOf(OrchestrationState state) =>
        JsonSerializer.Deserialize<List<string>>(state.Output) ?? [];
}

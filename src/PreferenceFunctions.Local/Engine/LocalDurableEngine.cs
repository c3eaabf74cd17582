using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Local.Engine;

/// <summary>
/// The durable backend of the local host: Durable Task's Azure Storage provider (the one Durable Functions uses) on the
/// configured storage account, served over gRPC by the Durable Task SDK's sidecar (<see cref="TaskHubGrpcServer"/>) on a
/// private HTTP/2 port of 127.0.0.1. The SDK worker and client of the host connect to it through <see cref="Channel"/>.
/// Registered as a hosted service ahead of the worker, so the sidecar listens before the worker connects.
/// </summary>
public sealed partial class LocalDurableEngine : IHostedService, IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<LocalDurableEngine> _logger;
    private readonly int _port;
    private readonly AzureStorageOrchestrationService _service;
    private WebApplication? _sidecar;

    public LocalDurableEngine(StorageConnection storage, IOptions<LocalEngineOptions> options, ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<LocalDurableEngine>();
        TaskHubName = options.Value.TaskHub;
        // The Durable Task Azure Storage provider is given a connection string here (Azurite locally).
        var connectionString = storage.ConnectionString ?? throw new InvalidOperationException(
            $"The local host needs a storage connection string in '{StorageConnection.SettingName}' (for Azurite: UseDevelopmentStorage=true).");
        _service = new AzureStorageOrchestrationService(CreateSettings(connectionString, options.Value, loggerFactory));
        _port = FreeLoopbackPort();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_port}");
    }

    public string TaskHubName { get; }

    /// <summary>The gRPC channel to the sidecar, for the Durable Task worker and client.</summary>
    public GrpcChannel Channel { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The sidecar does not create the task hub's queues, tables and containers itself.
        await _service.CreateIfNotExistsAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggerFactory);
        // Stopped by this engine only (after the worker), not by Ctrl+C on its own.
        builder.Services.AddSingleton<IHostLifetime, StoppedByOwnerLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, _port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(GuardedOrchestrationService.Wrap(_service));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(_service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _sidecar = builder.Build();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();
        await _sidecar.StartAsync(cancellationToken);
        LogStarted(TaskHubName, _port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is null) return;
        await _sidecar.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        Channel.Dispose();
    }

    private static AzureStorageOrchestrationServiceSettings CreateSettings(
        string connectionString, LocalEngineOptions options, ILoggerFactory loggerFactory) => new()
    {
        TaskHubName = options.TaskHub,
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        LoggerFactory = loggerFactory,
        // Unique per process: two hosts on one machine must not look like one owner of the partitions.
        WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
        PartitionCount = options.PartitionCount,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
        MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        ControlQueueVisibilityTimeout = options.MessageVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = options.MessageVisibilityTimeout,
        // Table leases (not blob leases) allow short lease times, so a crashed host's partitions move quickly.
        UseTablePartitionManagement = true,
        LeaseInterval = options.LeaseInterval,
        LeaseRenewInterval = options.LeaseInterval / 3,
        LeaseAcquireInterval = options.LeaseInterval / 3,
        // The 2 s default gives up on lease updates on a busy 2-core machine; the lease itself lasts far longer.
        PartitionTableOperationTimeout = options.LeaseInterval / 3,
        // No app lease: every host on the task hub shares the partitions instead of one standing by.
        UseAppLease = false,
    };

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class StoppedByOwnerLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable engine on task hub {TaskHub} listening on 127.0.0.1:{Port}")]
    private partial void LogStarted(string taskHub, int port);
}

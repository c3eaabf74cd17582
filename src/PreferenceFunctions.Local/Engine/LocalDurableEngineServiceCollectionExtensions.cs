using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Local.Engine;

public static class LocalDurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// The durable engine (<see cref="LocalDurableEngine"/>), a Durable Task worker running <paramref name="tasks"/>, and a
    /// <see cref="DurableTaskClient"/>, all on the task hub in <c>Local:TaskHub</c> of <c>AzureWebJobsStorage</c>.
    /// </summary>
    public static IServiceCollection AddLocalDurableEngine(this IServiceCollection services, IConfiguration configuration,
        Action<DurableTaskRegistry> tasks)
    {
        services.AddOptions<LocalEngineOptions>()
            .Bind(configuration.GetSection(LocalEngineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(_ => StorageConnection.FromConfiguration(configuration));
        services.AddSingleton<LocalDurableEngine>();
        // Hosted services start in registration order: the sidecar must listen before the worker connects.
        services.AddHostedService(provider => provider.GetRequiredService<LocalDurableEngine>());

        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc();
            worker.AddTasks(tasks);
            services.AddOptions<GrpcDurableTaskWorkerOptions>(worker.Name)
                .Configure<LocalDurableEngine>((grpc, engine) => grpc.Channel = engine.Channel);
        });
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            services.AddOptions<GrpcDurableTaskClientOptions>(client.Name)
                .Configure<LocalDurableEngine>((grpc, engine) => grpc.Channel = engine.Channel);
        });
        return services;
    }
}

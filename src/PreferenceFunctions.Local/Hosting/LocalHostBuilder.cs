using PreferenceFunctions.Api;
using PreferenceFunctions.Local.Engine;
using PreferenceFunctions.Local.Watching;
using PreferenceFunctions.Pipeline.Hosting;
using PreferenceFunctions.Pipeline.Runs;

namespace PreferenceFunctions.Local.Hosting;

/// <summary>
/// Composes the local host: the same pipeline registrations as the Functions app, the durable engine running the same
/// orchestrator and activities, the HTTP API, the dashboard at <c>/</c>, the dataset watcher and the Event Grid endpoint.
/// </summary>
public static class LocalHostBuilder
{
    public const string DefaultUrls = "http://127.0.0.1:7071";

    /// <param name="urls">Where the HTTP API listens.</param>
    /// <param name="overrides">Settings that win over appsettings.json, environment variables and arguments.</param>
    public static WebApplication Build(string urls, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        builder.WebHost.UseUrls(urls);

        var services = builder.Services;
        var taskHub = builder.Configuration[$"{LocalEngineOptions.SectionName}:{nameof(LocalEngineOptions.TaskHub)}"] ?? new LocalEngineOptions().TaskHub;
        services.AddPreferencePipeline(builder.Configuration).AddPreferenceApi(taskHub);
        services.AddPreferenceTelemetry(builder.Configuration);
        services.AddLocalDurableEngine(builder.Configuration, tasks => tasks.AddPreferenceTasks());
        services.AddSingleton<DatasetTriggers>();
        if (builder.Configuration.GetValue($"{LocalEngineOptions.SectionName}:{nameof(LocalEngineOptions.WatchDatasets)}", true))
            services.AddHostedService<DatasetWatcher>();

        var app = builder.Build();
        app.MapRunsApi();
        app.MapMetricsApi();
        app.MapLeaderboardsApi();
        app.MapDatasetsApi();
        app.MapDashboard();
        app.MapBlobCreatedEvents();
        return app;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PreferenceFunctions.Pipeline.Activities;
using PreferenceFunctions.Pipeline.Api;
using PreferenceFunctions.Pipeline.Datasets;
using PreferenceFunctions.Pipeline.Notifications;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Storage;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Pipeline;

/// <summary>The one registration both hosts (Functions app and local host) call.</summary>
public static class PreferencePipelineServiceCollectionExtensions
{
    public static IServiceCollection AddPreferencePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PreferenceOptions>()
            .Bind(configuration.GetSection(PreferenceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StorageConnection.FromConfiguration(configuration));
        services.AddRapidataClient(configuration.GetSection(RapidataClientOptions.SectionName));
        services.AddPreferenceDatasets(configuration);
        services.AddPreferenceNotifications(configuration);

        services.AddSingleton<RunStore>();
        services.AddSingleton<RunStarter>();
        services.AddSingleton<RunsApi>();
        services.AddSingleton<ResultsApi>();
        services.AddSingleton<RunEventFactory>();
        services.AddHostedService<StorageInitializer>();

        services.AddTransient<LoadDatasetActivity>();
        services.AddTransient<CreateOrderActivity>();
        services.AddTransient<UploadChunkActivity>();
        services.AddTransient<SubmitOrderActivity>();
        services.AddTransient<GetOrderStatusActivity>();
        services.AddTransient<RetryOrderActivity>();
        services.AddTransient<DownloadResultsActivity>();
        services.AddTransient<WriteResultsActivity>();
        services.AddTransient<RecordRunActivity>();
        services.AddTransient<NotifyActivity>();
        return services;
    }
}

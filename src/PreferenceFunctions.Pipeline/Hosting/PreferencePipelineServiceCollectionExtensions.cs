using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Steps.Rounds;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Pipeline.Hosting;

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
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageConnection>().Queues);
        services.AddRapidataClient(configuration.GetSection(RapidataClientOptions.SectionName));
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageConnection>().Blobs);
        services.AddOptions<DatasetOptions>().Bind(configuration.GetSection(DatasetOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<DailyVoteBudget>();
        services.AddSingleton<RepeatedDatasetGuard>();
        services.AddSingleton<DatasetStager>();
        services.AddSingleton<DatasetImageReader>();
        services.AddSingleton<ManifestStore>();
        services.AddPreferenceNotifications(configuration);

        services.AddSingleton<RunLedger>();
        services.AddSingleton<RunStarter>();
        services.AddSingleton<RunResumer>();
        services.AddSingleton<RunEventFactory>();
        services.AddTransient<MediaAssetCache>(); // holds the typed RapidataClient (an HttpClient): never a singleton
        services.AddSingleton<MediaAssetLog>(); // where each record lies, read once per process
        services.AddSingleton<UploadRecordStore>();
        services.AddTransient<PromptShortener>(); // holds the typed RapidataClient
        services.AddTransient<JobFlow>();
        services.AddTransient<OrderAbandoner>();
        services.AddTransient<AudienceSetup>();
        services.AddSingleton<RunReportWriter>();
        services.AddSingleton<ResultsCollector>();
        services.AddSingleton<VotesExportStore>();
        services.AddSingleton<LeaderboardStore>();
        services.AddSingleton<LeaderboardUpdater>();
        services.AddSingleton<RoundStore>();
        services.AddHostedService<StorageInitializer>();

        services.AddPreferenceActivities();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Api;

/// <summary>The HTTP API's registration; both hosts call it after <c>AddPreferencePipeline</c>.</summary>
public static class PreferenceApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RunsApi"/> and <see cref="ResultsApi"/> as transient: RunsApi takes the typed
    /// RapidataClient (a typed HttpClient), which a singleton must not capture. <paramref name="taskHub"/> names the
    /// durable task hub whose history the run view counts.
    /// </summary>
    public static IServiceCollection AddPreferenceApi(this IServiceCollection services, string taskHub)
    {
        services.AddSingleton(sp => new DurableHistoryCounter(sp.GetRequiredService<StorageConnection>(), taskHub));
        services.AddTransient<RunsApi>();
        services.AddTransient<ResultsApi>();
        services.AddTransient<LeaderboardsApi>();
        services.AddTransient<ValidationApi>();
        services.AddTransient<RunImagesApi>();
        services.AddTransient<DatasetUploadApi>();
        return services;
    }
}

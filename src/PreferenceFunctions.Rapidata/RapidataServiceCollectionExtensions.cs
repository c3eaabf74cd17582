using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Rapidata.Http;

namespace PreferenceFunctions.Rapidata;

public static class RapidataServiceCollectionExtensions
{
    /// <summary>The <c>X-Client</c> header sent with every request, token requests included.</summary>
    public static readonly string ClientHeaderValue = "PreferenceFunctions/" + ClientVersion();

    /// <summary>
    /// Registers <see cref="RapidataClient"/>: options bound from <paramref name="rapidataSection"/> and validated on
    /// start, a typed HttpClient with the retry pipeline, and the token handler.
    /// </summary>
    public static IServiceCollection AddRapidataClient(this IServiceCollection services, IConfiguration rapidataSection)
    {
        services.AddOptions<RapidataClientOptions>().Bind(rapidataSection).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RapidataTokenProvider>();
        services.TryAddTransient<RapidataAuthenticationHandler>();
        services.TryAddTransient<RapidataTelemetryHandler>();

        var auth = services.AddHttpClient(RapidataTokenProvider.HttpClientName, ConfigureClient(options => options.AuthBaseUrl));
        auth.AddResilienceHandler("rapidata-auth", ConfigureResilience);
        auth.AddHttpMessageHandler<RapidataTelemetryHandler>();

        // Handler order: retries outermost, so every attempt passes the token handler and gets a valid token; telemetry
        // innermost, so it sees every attempt on the wire (a token renewal's resend included).
        var api = services.AddHttpClient<RapidataClient>(ConfigureClient(options => options.ApiBaseUrl));
        api.AddResilienceHandler("rapidata", ConfigureResilience);
        api.AddHttpMessageHandler<RapidataAuthenticationHandler>();
        api.AddHttpMessageHandler<RapidataTelemetryHandler>();
        return services;
    }

    private static Action<IServiceProvider, HttpClient> ConfigureClient(Func<RapidataClientOptions, Uri> baseUrl) => (provider, client) =>
    {
        var options = provider.GetRequiredService<IOptions<RapidataClientOptions>>().Value;
        var url = baseUrl(options).ToString();
        client.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
        client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
        client.DefaultRequestHeaders.Add("X-Client", ClientHeaderValue);
    };

    private static void ConfigureResilience(
        Polly.ResiliencePipelineBuilder<HttpResponseMessage> builder,
        Microsoft.Extensions.Http.Resilience.ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<RapidataClientOptions>>().Value;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<RapidataClient>();
        RapidataResilience.Configure(builder, options, logger);
    }

    private static string ClientVersion()
    {
        var assembly = typeof(RapidataClient).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var metadata = version.IndexOf('+');
        return metadata >= 0 ? version[..metadata] : version;
    }
}

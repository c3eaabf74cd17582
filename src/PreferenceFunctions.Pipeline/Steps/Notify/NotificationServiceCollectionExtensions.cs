using Azure.Core;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

internal static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RunEventPublisher"/> and its sinks, with <see cref="NotificationOptions"/> bound from the
    /// <c>Notifications</c> section and validated at start. The queue sink uses the registered
    /// <see cref="QueueServiceClient"/>; the Event Grid sink uses a registered <see cref="TokenCredential"/> when no
    /// topic key is set, else <c>DefaultAzureCredential</c>.
    /// </summary>
    public static IServiceCollection AddPreferenceNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(RunEventPublisher))) return services; // sinks are registered once
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        AddWebhookHttpClient(services);

        services.TryAddSingleton<WebhookEventSink>();
        services.AddSingleton<IRunEventSink>(CreateQueueSink);
        services.AddSingleton<IRunEventSink>(sp => new EventGridEventSink(EventGridClientFactory.Create(
            sp.GetRequiredService<IOptions<NotificationOptions>>().Value, sp.GetService<TokenCredential>())));
        services.TryAddSingleton<RunEventPublisher>();
        services.TryAddSingleton<RunWebhookSeal>();
        return services;
    }

    /// <summary>
    /// The webhook HttpClient: no resilience handler (WebhookEventSink retries around signing so each attempt is freshly
    /// signed), no client timeout (the pipeline times each attempt), and no redirects (a POST redirected by 301/302
    /// would arrive as a bodiless GET and look delivered).
    /// </summary>
    internal static void AddWebhookHttpClient(IServiceCollection services)
    {
        services.AddHttpClient(WebhookEventSink.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // Run webhooks (a dataset author's URL): every connection goes through the guard, never through a proxy
        // (which would make the guard check the proxy's address instead of the target's).
        services.TryAddSingleton<WebhookConnectGuard>();
        services.AddHttpClient(WebhookEventSink.GuardedHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookConnectGuard>().ConnectAsync,
            });
    }

    private static QueueEventSink CreateQueueSink(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<NotificationOptions>>();
        var queues = services.GetService<QueueServiceClient>();
        if (queues is null && !string.IsNullOrWhiteSpace(options.Value.QueueName))
        {
            throw new InvalidOperationException(
                $"Notifications:QueueName is '{options.Value.QueueName}' but no QueueServiceClient (the AzureWebJobsStorage " +
                "account) is registered; register one, or set Notifications:QueueName to empty to turn the queue sink off.");
        }
        return new QueueEventSink(queues, options, services.GetRequiredService<ILogger<QueueEventSink>>());
    }
}

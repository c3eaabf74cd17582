namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>Where run events go, bound from the <c>Notifications</c> configuration section.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>CloudEvents <c>source</c> of every event (a URI reference).</summary>
    public string Source { get; set; } = "/preference-functions";

    /// <summary>Storage queue in the <c>AzureWebJobsStorage</c> account; empty disables the queue sink.</summary>
    public string? QueueName { get; set; } = "preference-events";

    /// <summary>Event Grid topic endpoint (<c>https://&lt;topic&gt;.&lt;region&gt;-1.eventgrid.azure.net/api/events</c>); empty disables.</summary>
    public string? EventGridTopicEndpoint { get; set; }

    /// <summary>Topic access key; when empty the app's identity (managed identity) publishes.</summary>
    public string? EventGridTopicKey { get; set; }

    /// <summary>Webhook called for every run; empty disables.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Standard Webhooks signing secret, <c>whsec_</c> + base64 of 24 to 64 random bytes.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Let run webhooks use plain http to localhost/loopback (local development only).</summary>
    public bool AllowInsecureLocalWebhooks { get; set; }

    /// <summary>
    /// Hosts or IP addresses (comma-separated) run webhooks may reach even though they resolve to loopback, private,
    /// link-local or other internal addresses.
    /// </summary>
    public string? AllowedWebhookHosts { get; set; }

    internal string[] AllowedHosts() =>
        AllowedWebhookHosts?.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>Attempts per webhook delivery, the first included.</summary>
    public int WebhookMaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; doubles each retry (with jitter) up to <see cref="WebhookMaxRetryDelay"/>.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan WebhookMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one webhook attempt may take before it counts as failed (and is retried).</summary>
    public TimeSpan WebhookAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

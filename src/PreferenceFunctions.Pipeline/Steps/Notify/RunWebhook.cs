namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// A webhook for one run (the dataset's <c>order.json</c> <c>webhook</c>), called in addition to the configured one.
/// </summary>
/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="Secret">Standard Webhooks secret (<c>whsec_</c> + base64); when absent the configured
/// <c>Notifications:WebhookSecret</c> signs, and without either the POST goes out unsigned.</param>
public sealed record RunWebhook(string Url, string? Secret = null);

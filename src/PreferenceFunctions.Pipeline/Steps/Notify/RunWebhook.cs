namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// A webhook for one run (the dataset's <c>order.json</c> <c>webhook</c>), called in addition to the configured one.
/// </summary>
/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="Secret">Standard Webhooks secret (<c>whsec_</c> + base64); when absent the configured
/// <c>Notifications:WebhookSecret</c> signs, and without either the POST goes out unsigned. A run's own webhook is
/// signed with the run's secret (<see cref="WebhookSecrets.ForRun"/>), never with the operator's.</param>
/// <param name="Guarded">A dataset author's URL: https only, connected through <see cref="WebhookConnectGuard"/>, failures
/// stored as a generic reason. The configured webhook (the operator's) is not guarded.</param>
public sealed record RunWebhook(string Url, string? Secret = null, bool Guarded = false);

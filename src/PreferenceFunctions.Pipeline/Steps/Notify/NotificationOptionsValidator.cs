using Microsoft.Extensions.Options;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>Checks the <c>Notifications</c> settings at start, naming each bad setting.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    private const string Section = NotificationOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.Source, UriKind.RelativeOrAbsolute, out _) || string.IsNullOrWhiteSpace(options.Source))
            problems.Add($"{Section}:Source '{options.Source}' is not a URI reference (for example /preference-functions).");
        CheckUrl(options.EventGridTopicEndpoint, nameof(options.EventGridTopicEndpoint), problems);
        CheckUrl(options.WebhookUrl, nameof(options.WebhookUrl), problems);
        if (!string.IsNullOrWhiteSpace(options.WebhookSecret) && WebhookSecrets.Problem(options.WebhookSecret) is { } secretProblem)
            problems.Add($"{Section}:WebhookSecret {secretProblem}.");
        if (!string.IsNullOrWhiteSpace(options.WebhookUrl) && string.IsNullOrWhiteSpace(options.WebhookSecret))
            problems.Add($"{Section}:WebhookSecret is required when {Section}:WebhookUrl is set (receivers verify the signature with it).");
        if (options.WebhookMaxAttempts < 1)
            problems.Add($"{Section}:WebhookMaxAttempts must be at least 1, was {options.WebhookMaxAttempts}.");
        if (options.WebhookRetryDelay <= TimeSpan.Zero || options.WebhookMaxRetryDelay < options.WebhookRetryDelay)
            problems.Add($"{Section}:WebhookRetryDelay must be positive and not above {Section}:WebhookMaxRetryDelay.");
        if (options.WebhookAttemptTimeout <= TimeSpan.Zero)
            problems.Add($"{Section}:WebhookAttemptTimeout must be positive.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckUrl(string? value, string setting, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            problems.Add($"{Section}:{setting} '{SafeUrl.Describe(value)}' is not an absolute http(s) URL.");
    }
}

using System.Security.Cryptography;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

internal static class NotificationTestData
{
    public static readonly DateTimeOffset Time = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);

    public static string NewSecret() => WebhookSecrets.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static RunEvent Completed(string runId = "run-42") => new(
        RunEventTypes.RunCompleted,
        runId,
        Time,
        new RunEventData(
            runId,
            Dataset: "sd-vs-flux",
            Status: RunStatus.Completed,
            Phase: RunPhase.Completed,
            OrderId: "order-7",
            MatchupCount: 120,
            Counts: new Dictionary<string, int> { ["matchups"] = 120, ["votes"] = 1800 },
            WinnerModel: "flux",
            Links: new RunEventLinks(Results: $"https://app.example/api/runs/{runId}/results")));

    /// <summary>Options for sink tests: fast retries so a retry test takes milliseconds.</summary>
    public static NotificationOptions FastRetries(int maxAttempts = 5) => new()
    {
        WebhookMaxAttempts = maxAttempts,
        WebhookRetryDelay = TimeSpan.FromMilliseconds(10),
        WebhookMaxRetryDelay = TimeSpan.FromMilliseconds(50),
        WebhookAttemptTimeout = TimeSpan.FromSeconds(10),
    };
}

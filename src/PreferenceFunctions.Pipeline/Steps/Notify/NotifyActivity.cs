using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Announces a run event to every configured sink. A failing sink never fails the run: its failure is written to
/// the run's row instead.
/// </summary>
public sealed class NotifyActivity(RunEventPublisher publisher, RunLedger ledger, RunEventFactory events, RunWebhookSeal seal)
    : TaskActivity<NotifyInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, NotifyInput input)
    {
        var run = await ledger.GetAsync(input.RunId);
        var runEvent = events.Create(input, run);
        var (webhook, unopened) = OpenWebhook(input.Webhook);
        var failures = await publisher.PublishAsync(runEvent, webhook, CancellationToken.None);
        if (unopened is not null) failures = [.. failures, unopened];
        if (failures.Count > 0)
        {
            var text = string.Join("; ", failures.Select(f => $"{input.EventType} -> {f.Sink}: {f.Message}"));
            await ledger.RecordNotificationFailuresAsync(input.RunId, text);
        }
        return failures.Count;
    }

    /// <summary>The run's webhook, opened from its sealed form (<see cref="RunWebhookSeal"/>), or why it cannot be called.</summary>
    private (RunWebhook? Webhook, SinkFailure? Unopened) OpenWebhook(string? sealedUrl)
    {
        if (sealedUrl is null) return (null, null);
        try
        {
            return (new RunWebhook(seal.Open(sealedUrl)), null);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or InvalidOperationException)
        {
            return (null, new SinkFailure("run-webhook", "not called: its URL was sealed under another Notifications__WebhookSecret, or none is set"));
        }
    }
}

using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Announces a run event to every configured sink. A failing sink never fails the run: its failure is written to
/// the run's row instead.
/// </summary>
public sealed class NotifyActivity(RunEventPublisher publisher, RunLedger ledger, RunEventFactory events) : TaskActivity<NotifyInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, NotifyInput input)
    {
        var run = await ledger.GetAsync(input.RunId);
        var runEvent = events.Create(input, run);
        var webhook = input.Webhook is { } url ? new RunWebhook(url) : null;
        var failures = await publisher.PublishAsync(runEvent, webhook, CancellationToken.None);
        if (failures.Count > 0)
        {
            var text = string.Join("; ", failures.Select(f => $"{input.EventType} -> {f.Sink}: {f.Message}"));
            await ledger.RecordNotificationFailuresAsync(input.RunId, text);
        }
        return failures.Count;
    }
}

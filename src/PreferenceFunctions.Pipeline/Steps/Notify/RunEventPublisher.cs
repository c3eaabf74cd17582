using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Announces a run event on every configured sink at once: the queue, the Event Grid topic, the configured webhook and
/// the run's own webhook. A sink that fails never fails the run: its failure is returned for the run row.
/// </summary>
public sealed class RunEventPublisher(
    IEnumerable<IRunEventSink> sinks,
    WebhookEventSink webhooks,
    IOptions<NotificationOptions> options,
    ILogger<RunEventPublisher> logger)
{
    public const string ConfiguredWebhookSink = "webhook";
    public const string RunWebhookSink = "run-webhook";

    /// <returns>One <see cref="SinkFailure"/> per sink that could not deliver; empty when all delivered.</returns>
    /// <exception cref="ArgumentException">The event has an unknown type or no run id.</exception>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IReadOnlyList<SinkFailure>> PublishAsync(RunEvent runEvent, RunWebhook? runWebhook, CancellationToken cancellationToken) =>
        PublishAsync(RunEventEncoder.Encode(runEvent, options.Value.Source), runWebhook, cancellationToken);

    /// <summary>Sends an event already encoded (leaderboard events have their own data).</summary>
    public async Task<IReadOnlyList<SinkFailure>> PublishAsync(RunEventEnvelope envelope, RunWebhook? runWebhook, CancellationToken cancellationToken)
    {
        var deliveries = new List<Task<SinkFailure?>>();
        foreach (var sink in sinks.Where(s => s.IsEnabled))
            deliveries.Add(DeliverAsync(sink.Name, envelope, () => sink.SendAsync(envelope, cancellationToken), cancellationToken));
        if (!string.IsNullOrWhiteSpace(options.Value.WebhookUrl))
        {
            var configured = new RunWebhook(options.Value.WebhookUrl, options.Value.WebhookSecret);
            deliveries.Add(DeliverAsync(ConfiguredWebhookSink, envelope, () => webhooks.SendAsync(configured, envelope, cancellationToken), cancellationToken));
        }
        if (runWebhook is not null)
        {
            var operatorSecret = options.Value.WebhookSecret;
            var guarded = runWebhook with
            {
                Secret = runWebhook.Secret ?? (operatorSecret is null ? null : WebhookSecrets.ForRun(operatorSecret, envelope.RunId)),
                Guarded = true,
            };
            deliveries.Add(DeliverAsync(RunWebhookSink, envelope, () => webhooks.SendAsync(guarded, envelope, cancellationToken), cancellationToken));
        }

        var outcomes = await Task.WhenAll(deliveries);
        cancellationToken.ThrowIfCancellationRequested();
        return [.. outcomes.OfType<SinkFailure>()];
    }

    private async Task<SinkFailure?> DeliverAsync(string sink, RunEventEnvelope envelope, Func<Task> send, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield(); // start every sink before any of them does synchronous work
            await send();
            NotificationLog.Delivered(logger, envelope.Id, envelope.RunId, sink);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            NotificationLog.NotDelivered(logger, envelope.Id, envelope.RunId, sink, e.Message, e);
            return new SinkFailure(sink, e.Message);
        }
    }
}

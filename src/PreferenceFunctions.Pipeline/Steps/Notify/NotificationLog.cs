using Microsoft.Extensions.Logging;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>Log events of the notification sinks. URLs are logged without query strings; secrets never.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(EventId = 5401, Level = LogLevel.Information, Message = "Event {EventId} for run {RunId} delivered to {Sink}")]
    public static partial void Delivered(ILogger logger, string eventId, string runId, string sink);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Warning, Message = "Event {EventId} for run {RunId} not delivered to {Sink}: {Reason}")]
    public static partial void NotDelivered(ILogger logger, string eventId, string runId, string sink, string reason, Exception exception);

    [LoggerMessage(EventId = 5403, Level = LogLevel.Information, Message = "Webhook {Target} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void WebhookRetrying(ILogger logger, string target, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(EventId = 5404, Level = LogLevel.Information, Message = "Creating event queue {QueueName}")]
    public static partial void CreatingQueue(ILogger logger, string queueName);
}

using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Puts each event on a storage queue as its CloudEvent JSON, base64-encoded because that is what a Functions queue
/// trigger expects by default. The queue is created the first time it is missing.
/// </summary>
/// <param name="queues">The storage account's queue service, with the default message encoding (none): this sink
/// encodes itself. Null only when the queue sink is turned off.</param>
internal sealed class QueueEventSink(QueueServiceClient? queues, IOptions<NotificationOptions> options, ILogger<QueueEventSink> logger) : IRunEventSink
{
    public string Name => "queue";

    public bool IsEnabled => queues is not null && !string.IsNullOrWhiteSpace(options.Value.QueueName);

    public async Task SendAsync(RunEventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (queues is null) throw new InvalidOperationException("The queue sink has no QueueServiceClient.");
        var queue = queues.GetQueueClient(options.Value.QueueName);
        var message = Convert.ToBase64String(envelope.Json.ToMemory().Span);
        try
        {
            await queue.SendMessageAsync(message, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == QueueErrorCode.QueueNotFound)
        {
            NotificationLog.CreatingQueue(logger, queue.Name);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await queue.SendMessageAsync(message, cancellationToken);
        }
    }
}

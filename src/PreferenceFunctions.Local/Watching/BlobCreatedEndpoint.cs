using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Api;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Local.Watching;

/// <summary>
/// <c>POST /api/eventgrid/blob-created</c>: Event Grid (Event Grid schema) BlobCreated events for the datasets container
/// start runs through the same path as the watcher; the subscription validation handshake is answered.
/// Off unless <c>Local:EnableEventGridEndpoint</c> is true. A request must look like Event Grid's own
/// (<c>application/json</c> and an <c>aeg-event-type</c> header), which a cross-site form or a no-cors fetch cannot
/// send; the blob's ETag is read from storage, never taken from the event.
/// </summary>
public static class BlobCreatedEndpoint
{
    public const string Route = "/api/eventgrid/blob-created";
    public const string EnableSetting = "Local:EnableEventGridEndpoint";
    public const string EventTypeHeader = "aeg-event-type";

    public static IEndpointRouteBuilder MapBlobCreatedEvents(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(EnableSetting))
            routes.MapPost(Route, HandleAsync);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, DatasetTriggers triggers, StorageConnection storage,
        IOptions<PreferenceOptions> options, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            return Results.Problem(title: "Unsupported media type", detail: "Event Grid deliveries are application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (request.Headers[EventTypeHeader].ToString() is not ("Notification" or "SubscriptionValidation"))
            return Problems.BadRequest("Not an Event Grid delivery.", $"Event Grid sends an {EventTypeHeader} header (Notification or SubscriptionValidation).");
        EventGridEvent[] events;
        try
        {
            events = EventGridEvent.ParseMany(await BinaryData.FromStreamAsync(request.Body, cancellationToken));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or FormatException)
        {
            return Problems.BadRequest("The body is not an array of Event Grid events (Event Grid schema).", e.Message);
        }

        var runs = new List<object>();
        foreach (var gridEvent in events)
        {
            if (!gridEvent.TryGetSystemEventData(out var data)) continue;
            switch (data)
            {
                case SubscriptionValidationEventData validation:
                    return Results.Ok(new { validationResponse = validation.ValidationCode });
                case StorageBlobCreatedEventData created when Uri.TryCreate(created.Url, UriKind.Absolute, out var url):
                    var blob = new BlobUriBuilder(url);
                    if (blob.BlobContainerName != options.Value.DatasetsContainer) continue;
                    var etag = await CurrentETagAsync(storage, blob.BlobContainerName, blob.BlobName, cancellationToken);
                    if (etag is null) continue; // gone, or never there: nothing to start
                    var start = await triggers.OnBlobVersionAsync(blob.BlobContainerName, blob.BlobName, etag, cancellationToken);
                    if (start is not null) runs.Add(new { runId = start.RunId, started = start.Started, blob = blob.BlobName });
                    break;
            }
        }
        return Results.Ok(new { runs });
    }

    /// <summary>The blob's ETag as storage has it now (the event's own eTag is the sender's claim), or null when it does not exist.</summary>
    private static async Task<string?> CurrentETagAsync(StorageConnection storage, string container, string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await storage.Blobs.GetBlobContainerClient(container).GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag.ToString();
        }
        catch (Azure.RequestFailedException e) when (e.Status is 404 or 400)
        {
            return null;
        }
    }
}

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
/// </summary>
public static class BlobCreatedEndpoint
{
    public const string Route = "/api/eventgrid/blob-created";

    public static IEndpointRouteBuilder MapBlobCreatedEvents(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, HandleAsync);
        return routes;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, DatasetTriggers triggers,
        IOptions<PreferenceOptions> options, CancellationToken cancellationToken)
    {
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
                    var start = await triggers.OnBlobVersionAsync(blob.BlobContainerName, blob.BlobName, created.ETag, cancellationToken);
                    if (start is not null) runs.Add(new { runId = start.RunId, started = start.Started, blob = blob.BlobName });
                    break;
            }
        }
        return Results.Ok(new { runs });
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PreferenceFunctions.Api;

/// <summary>The dataset upload route of the local host (the dashboard's drop zone), over the handler the Functions app shares.</summary>
public static class DatasetsEndpoints
{
    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/datasets/{dataset}", (string dataset, HttpRequest request, DatasetUploadApi api, CancellationToken ct) =>
            api.UploadAsync(dataset, request, ct));
        return routes;
    }
}

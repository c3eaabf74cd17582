using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using PreferenceFunctions.Pipeline.Kernel.Telemetry;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api;

/// <summary>
/// <c>GET /api/metrics</c>: the pipeline's and the Rapidata client's counters in this host since it started, as JSON,
/// for a look without any collector (the local host; on Azure the same instruments go to Application Insights).
/// </summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/metrics", (MetricsSnapshot snapshot) =>
            HttpResults.Json(new { since = snapshot.Since, metrics = snapshot.Read() }, ApiJson.Options));
        return routes;
    }
}

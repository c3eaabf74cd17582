using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PreferenceFunctions.Api;

/// <summary>The leaderboard routes of the local host, over the handlers the Functions app shares.</summary>
public static class LeaderboardsEndpoints
{
    public static IEndpointRouteBuilder MapLeaderboardsApi(this IEndpointRouteBuilder routes)
    {
        var boards = routes.MapGroup("/api/leaderboards");
        boards.MapGet("", (LeaderboardsApi api, CancellationToken ct) => api.ListAsync(ct));
        boards.MapGet("/{name}", (string name, HttpRequest request, LeaderboardsApi api, CancellationToken ct) => api.GetAsync(name, request, ct));
        boards.MapGet("/{name}/report", (string name, LeaderboardsApi api, CancellationToken ct) => api.GetReportAsync(name, ct));
        boards.MapGet("/{name}/suggest", (string name, HttpRequest request, LeaderboardsApi api, CancellationToken ct) =>
            api.SuggestAsync(name, request, ct));
        boards.MapDelete("/{name}/runs/{runId}", (string name, string runId, LeaderboardsApi api, CancellationToken ct) =>
            api.RemoveRunAsync(name, runId, ct));
        return routes;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using PreferenceFunctions.Api.Dashboard;

namespace PreferenceFunctions.Api;

/// <summary>The Functions app's HTTP API at the same routes, over the same shared handlers (no keys locally).</summary>
public static class RunsEndpoints
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder routes)
    {
        var runs = routes.MapGroup("/api/runs");
        runs.MapPost("", (HttpRequest request, RunsApi api, DurableTaskClient client, CancellationToken ct) =>
            api.StartAsync(request, client, ct));
        runs.MapGet("", (HttpRequest request, RunsApi api, CancellationToken ct) => api.ListAsync(request, ct));
        runs.MapGet("/{runId}", (string runId, RunsApi api, DurableTaskClient client, CancellationToken ct) =>
            api.GetAsync(runId, client, ct));
        runs.MapGet("/{runId}/results", (string runId, HttpRequest request, ResultsApi api, CancellationToken ct) =>
            api.GetResultsAsync(runId, request, ct));
        runs.MapGet("/{runId}/validation", (string runId, HttpRequest request, ValidationApi api, CancellationToken ct) =>
            api.GetValidationAsync(runId, request, ct));
        runs.MapGet("/{runId}/images", (string runId, HttpRequest request, RunImagesApi api, CancellationToken ct) =>
            api.GetImageAsync(runId, request, ct));
        runs.MapGet("/{runId}/report", (string runId, ResultsApi api, CancellationToken ct) => api.GetReportAsync(runId, ct));
        runs.MapPost("/{runId}/cancel", (string runId, HttpRequest request, RunsApi api, DurableTaskClient client,
            CancellationToken ct) => api.CancelAsync(runId, request, client, ct));
        runs.MapPost("/{runId}/resume", (string runId, HttpRequest request, RunsApi api, DurableTaskClient client,
            CancellationToken ct) => api.ResumeAsync(runId, request, client, ct));
        runs.MapPost("/{runId}/reaggregate", (string runId, RunsApi api, DurableTaskClient client, CancellationToken ct) =>
            api.ReaggregateAsync(runId, client, ct));
        return routes;
    }

    /// <summary>The dashboard at <c>/</c> (the Functions app serves it at <c>/api/dashboard</c>).</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", DashboardPage.Get);
        return routes;
    }
}

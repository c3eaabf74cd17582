using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PreferenceFunctions.Api;

namespace PreferenceFunctions.Functions;

/// <summary>
/// The HTTP API (docs/http-api.md): thin functions over the handlers shared with the local host. Function-level keys.
/// </summary>
public sealed class RunsHttpFunctions(RunsApi runs, ResultsApi results)
{
    [Function("StartRun")]
    public async Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await runs.StartAsync(request, client, request.HttpContext.RequestAborted));

    [Function("ListRuns")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs")] HttpRequest request) =>
        new ResultAction(await runs.ListAsync(request, request.HttpContext.RequestAborted));

    [Function("GetRun")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}")] HttpRequest request, string runId,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await runs.GetAsync(runId, client, request.HttpContext.RequestAborted));

    [Function("GetRunResults")]
    public async Task<IActionResult> Results(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}/results")] HttpRequest request, string runId) =>
        new ResultAction(await results.GetResultsAsync(runId, request, request.HttpContext.RequestAborted));

    [Function("GetRunReport")]
    public async Task<IActionResult> Report(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}/report")] HttpRequest request, string runId) =>
        new ResultAction(await results.GetReportAsync(runId, request.HttpContext.RequestAborted));

    [Function("CancelRun")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/{runId}/cancel")] HttpRequest request, string runId,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await runs.CancelAsync(runId, request, client, request.HttpContext.RequestAborted));

    [Function("ResumeRun")]
    public async Task<IActionResult> Resume(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/{runId}/resume")] HttpRequest request, string runId,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await runs.ResumeAsync(runId, request, client, request.HttpContext.RequestAborted));

    [Function("ReaggregateRun")]
    public async Task<IActionResult> Reaggregate(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/{runId}/reaggregate")] HttpRequest request, string runId,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await runs.ReaggregateAsync(runId, client, request.HttpContext.RequestAborted));
}

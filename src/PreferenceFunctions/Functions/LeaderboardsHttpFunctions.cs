using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PreferenceFunctions.Api;

namespace PreferenceFunctions.Functions;

/// <summary>The leaderboard routes (docs/leaderboards.md): thin functions over the handlers shared with the local host.</summary>
public sealed class LeaderboardsHttpFunctions(LeaderboardsApi leaderboards)
{
    [Function("ListLeaderboards")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "leaderboards")] HttpRequest request) =>
        new ResultAction(await leaderboards.ListAsync(request.HttpContext.RequestAborted));

    [Function("GetLeaderboard")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "leaderboards/{name}")] HttpRequest request, string name) =>
        new ResultAction(await leaderboards.GetAsync(name, request, request.HttpContext.RequestAborted));

    [Function("GetLeaderboardReport")]
    public async Task<IActionResult> Report(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "leaderboards/{name}/report")] HttpRequest request, string name) =>
        new ResultAction(await leaderboards.GetReportAsync(name, request.HttpContext.RequestAborted));

    [Function("SuggestLeaderboardMatchups")]
    public async Task<IActionResult> Suggest(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "leaderboards/{name}/suggest")] HttpRequest request, string name) =>
        new ResultAction(await leaderboards.SuggestAsync(name, request, request.HttpContext.RequestAborted));

    [Function("RemoveLeaderboardRun")]
    public async Task<IActionResult> RemoveRun(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "leaderboards/{name}/runs/{runId}")] HttpRequest request,
        string name, string runId) =>
        new ResultAction(await leaderboards.RemoveRunAsync(name, runId, request.HttpContext.RequestAborted));
}

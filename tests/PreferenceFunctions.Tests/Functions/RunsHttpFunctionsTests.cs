using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Api;
using PreferenceFunctions.Functions;
using PreferenceFunctions.Tests.Runs;

namespace PreferenceFunctions.Tests.Functions;

/// <summary>The Functions app's HTTP API, called directly with a real DurableTaskClient.</summary>
public sealed class RunsHttpFunctionsTests
{
    [Fact]
    public async Task StartGetResultsReport_SampleDataset_202ThenCompletedResultsAndHtml()
    {
        await using var harness = await RunHarness.StartAsync();
        await harness.UploadDatasetAsync(RunHarness.SamplePath, "http-sample");
        var functions = Functions(harness);

        var startRequest = HttpCall.Request(harness.Services, "POST", """{"dataset":"http-sample","settings":{"responsesPerMatchup":5}}""");
        var (status, _, body) = await HttpCall.ExecuteAsync(startRequest, await functions.Start(startRequest, harness.Client));
        Assert.Equal(202, status);
        var runId = HttpCall.Json(body).GetProperty("runId").GetString()!;
        Assert.Equal($"/api/runs/{runId}", startRequest.HttpContext.Response.Headers.Location.ToString());

        var done = await harness.WaitAsync(runId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);

        var getRequest = HttpCall.Request(harness.Services, "GET");
        var (getStatus, _, getBody) = await HttpCall.ExecuteAsync(getRequest, await functions.Get(getRequest, runId, harness.Client));
        Assert.Equal(200, getStatus);
        var view = HttpCall.Json(getBody);
        Assert.Equal("Completed", view.GetProperty("status").GetString());
        Assert.Equal(40, view.GetProperty("matchupCount").GetInt32());
        Assert.Equal(40 * 5, view.GetProperty("totalVotes").GetInt32());

        var listRequest = HttpCall.Request(harness.Services, "GET", query: "?limit=1000");
        var (listStatus, _, list) = await HttpCall.ExecuteAsync(listRequest, await functions.List(listRequest));
        Assert.Equal(200, listStatus);
        var listed = HttpCall.Json(list).EnumerateArray().Single(r => r.GetProperty("runId").GetString() == runId);
        Assert.Equal("Completed", listed.GetProperty("status").GetString());

        var csvRequest = HttpCall.Request(harness.Services, "GET", query: "?format=csv");
        var (csvStatus, csvType, csv) = await HttpCall.ExecuteAsync(csvRequest, await functions.Results(csvRequest, runId));
        Assert.Equal(200, csvStatus);
        Assert.StartsWith("text/csv", csvType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("matchupId,prompt,image1,image2,model1,model2,votes1,votes2,ratio,weightedVotes1,weightedVotes2,winner,weightedWinner", lines[0]);
        Assert.Equal(41, lines.Length);
        Assert.Equal($"attachment; filename=\"{runId}-matchups.csv\"", csvRequest.HttpContext.Response.Headers.ContentDisposition.ToString());

        var modelsRequest = HttpCall.Request(harness.Services, "GET", query: "?format=csv&table=models");
        var (_, _, models) = await HttpCall.ExecuteAsync(modelsRequest, await functions.Results(modelsRequest, runId));
        Assert.StartsWith("model,votes,pairsWon,winRate,score,scoreLow,scoreHigh,rank", models);

        var reportRequest = HttpCall.Request(harness.Services, "GET");
        var (reportStatus, reportType, html) = await HttpCall.ExecuteAsync(reportRequest, await functions.Report(reportRequest, runId));
        Assert.Equal(200, reportStatus);
        Assert.StartsWith("text/html", reportType);
        Assert.Contains("stable_diffusion", html);
        var reportHeaders = reportRequest.HttpContext.Response.Headers;
        Assert.Equal("nosniff", reportHeaders.XContentTypeOptions.ToString());
        Assert.Contains("default-src 'none'", reportHeaders.ContentSecurityPolicy.ToString());
        Assert.DoesNotContain("script-src", reportHeaders.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task Start_UnknownDataset_400ProblemNamingTheField()
    {
        await using var harness = await RunHarness.StartAsync();
        var functions = Functions(harness);

        var request = HttpCall.Request(harness.Services, "POST", """{"dataset":"does-not-exist"}""");
        var (status, type, body) = await HttpCall.ExecuteAsync(request, await functions.Start(request, harness.Client));

        Assert.Equal(400, status);
        Assert.StartsWith("application/problem+json", type);
        var problem = HttpCall.Json(body);
        Assert.Contains("does-not-exist", problem.GetProperty("errors").GetProperty("dataset")[0].GetString());
    }

    [Theory]
    [InlineData("../other-container")]
    [InlineData("sets/../../x")]
    [InlineData("a//b")]
    public async Task Start_DatasetPathLeavesTheContainer_400ProblemNamingTheField(string dataset)
    {
        await using var harness = await RunHarness.StartAsync();
        var request = HttpCall.Request(harness.Services, "POST", $$"""{"dataset":"{{dataset}}"}""");

        var (status, _, body) = await HttpCall.ExecuteAsync(request, await Functions(harness).Start(request, harness.Client));

        Assert.Equal(400, status);
        Assert.Contains("is not a dataset folder", HttpCall.Json(body).GetProperty("errors").GetProperty("dataset")[0].GetString());
    }

    [Fact]
    public async Task Start_BodyNotJson_400Problem()
    {
        await using var harness = await RunHarness.StartAsync();
        var request = HttpCall.Request(harness.Services, "POST", "{not json");

        var (status, type, _) = await HttpCall.ExecuteAsync(request, await Functions(harness).Start(request, harness.Client));

        Assert.Equal(400, status);
        Assert.StartsWith("application/problem+json", type);
    }

    [Fact]
    public async Task Get_UnknownRun_404()
    {
        await using var harness = await RunHarness.StartAsync();
        var request = HttpCall.Request(harness.Services, "GET");

        var (status, _, _) = await HttpCall.ExecuteAsync(request, await Functions(harness).Get(request, "no-such-run", harness.Client));

        Assert.Equal(404, status);
    }

    internal static RunsHttpFunctions Functions(RunHarness harness) =>
        new(harness.Services.GetRequiredService<RunsApi>(), harness.Services.GetRequiredService<ResultsApi>());
}

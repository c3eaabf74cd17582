using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Api;
using PreferenceFunctions.Functions;
using PreferenceFunctions.Tests.Runs;

namespace PreferenceFunctions.Tests.Functions;

/// <summary>The Functions app's validation, image and dashboard functions over a real run.</summary>
public sealed class RunDetailsHttpFunctionsTests
{
    [Fact]
    public async Task ValidationImageDashboard_CompletedSampleRun_ReportStagedImageAndPage()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "details-sample");
        var start = await harness.StartRunAsync("details-sample", etag);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await harness.WaitAsync(start.RunId)).RuntimeStatus);
        var functions = new RunDetailsHttpFunctions(harness.Services.GetRequiredService<ValidationApi>(),
            harness.Services.GetRequiredService<RunImagesApi>());

        var json = HttpCall.Request(harness.Services, "GET");
        var (jsonStatus, _, report) = await HttpCall.ExecuteAsync(json, await functions.Validation(json, start.RunId));
        var text = HttpCall.Request(harness.Services, "GET", query: "?format=text");
        var (textStatus, textType, reportText) = await HttpCall.ExecuteAsync(text, await functions.Validation(text, start.RunId));
        var image = HttpCall.Request(harness.Services, "GET", query: "?path=flux/flux_0_1.png");
        var (imageStatus, imageType, _) = await HttpCall.ExecuteAsync(image, await functions.Image(image, start.RunId));
        var notStaged = HttpCall.Request(harness.Services, "GET", query: "?path=../secrets.png");
        var (notStagedStatus, _, _) = await HttpCall.ExecuteAsync(notStaged, await functions.Image(notStaged, start.RunId));
        var page = HttpCall.Request(harness.Services, "GET");
        var (pageStatus, pageType, html) = await HttpCall.ExecuteAsync(page, DashboardFunction.Get(page));

        Assert.Equal(200, jsonStatus);
        Assert.True(HttpCall.Json(report).GetProperty("accepted").GetBoolean());
        Assert.Equal((200, "text/plain; charset=utf-8"), (textStatus, textType));
        Assert.Contains("/details-sample: ACCEPTED", reportText);
        Assert.Equal((200, "image/png"), (imageStatus, imageType));
        Assert.Equal(404, notStagedStatus);
        Assert.Equal((200, "text/html; charset=utf-8"), (pageStatus, pageType));
        Assert.Contains("<main id=\"main\"", html);
        Assert.DoesNotContain("/*SCRIPT*/", html);
        Assert.Contains("script-src 'sha256-", page.HttpContext.Response.Headers.ContentSecurityPolicy.ToString());
    }
}

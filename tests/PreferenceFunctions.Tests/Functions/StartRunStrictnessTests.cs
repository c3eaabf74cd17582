using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Api;
using PreferenceFunctions.Functions;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Tests.Runs;

namespace PreferenceFunctions.Tests.Functions;

/// <summary>POST /api/runs refuses careless and hostile bodies at request time with problem+json, never a 500 and never a run.</summary>
public sealed class StartRunStrictnessTests
{
    [Theory]
    [InlineData("application/json", """{"dataset":"set","settings":{"respones":3}}""", 400, "respones")]
    [InlineData("application/json", """{"dataset":"set","setings":{}}""", 400, "setings")]
    [InlineData("application/json", """{"dataset":"set","settings":{"responsesPerMatchup":0}}""", 400, "responsesPerMatchup")]
    [InlineData("application/json", """{"dataset":"set","settings":{"responsesPerMatchup":"15"}}""", 400, "expected a whole number")]
    [InlineData("application/json", """{"dataset":"set","settings":{"settings":{"NoShufle":true}}}""", 400, "NoShufle")]
    [InlineData("application/json", """{"dataset":"set","settings":{"webhook":"http://169.254.169.254/latest"}}""", 400, "webhook")]
    [InlineData("application/json", """{"dataset":7}""", 400, "Expected a string")]
    [InlineData("application/json", """[1,2]""", 400, "not a JSON object")]
    [InlineData("application/json", "", 400, "empty")]
    [InlineData("text/plain", """{"dataset":"set"}""", 415, "application/json")]
    [InlineData("application/x-www-form-urlencoded", "dataset=set", 415, "application/json")]
    public async Task Start_CarelessOrHostileBody_RefusedWithProblemNamingIt(string contentType, string body, int expectedStatus, string named)
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "set");
        var request = HttpCall.Request(harness.Services, "POST", body, headers: new Dictionary<string, string> { ["Content-Type"] = contentType });

        var (status, type, text) = await HttpCall.ExecuteAsync(request, await Functions(harness).Start(request, harness.Client));

        Assert.Equal(expectedStatus, status);
        Assert.StartsWith("application/problem+json", type);
        Assert.Contains(named, text);
        Assert.Null(await harness.RunRowAsync(RunIds.ForDatasetVersion(harness.DatasetsContainer, "set", etag)));
    }

    [Fact]
    public async Task Start_DatasetNameOfManyThousandCharacters_400NotA500()
    {
        await using var harness = await RunHarness.StartAsync();
        var request = HttpCall.Request(harness.Services, "POST", $$"""{"dataset":"{{new string('a', 5000)}}"}""");

        var (status, _, text) = await HttpCall.ExecuteAsync(request, await Functions(harness).Start(request, harness.Client));

        Assert.Equal(400, status);
        Assert.Contains("dataset", text);
    }

    [Fact]
    public async Task Start_SameIdempotencyKeyWithOtherSettings_422NamingTheDifference()
    {
        await using var harness = await RunHarness.StartAsync(e => e.Crowd.VotesPerSecond = 0.01);
        await harness.UploadDatasetAsync(RunHarness.SamplePath, "set");
        var key = new Dictionary<string, string> { [RunsApi.IdempotencyKeyHeader] = "k-1" };
        var first = HttpCall.Request(harness.Services, "POST", """{"dataset":"set","settings":{"responsesPerMatchup":3}}""", headers: key);
        var (firstStatus, _, _) = await HttpCall.ExecuteAsync(first, await Functions(harness).Start(first, harness.Client));
        var again = HttpCall.Request(harness.Services, "POST", """{"dataset":"set","settings":{"responsesPerMatchup":3}}""", headers: key);
        var (againStatus, _, _) = await HttpCall.ExecuteAsync(again, await Functions(harness).Start(again, harness.Client));

        var other = HttpCall.Request(harness.Services, "POST", """{"dataset":"set","settings":{"responsesPerMatchup":30}}""", headers: key);
        var (otherStatus, _, text) = await HttpCall.ExecuteAsync(other, await Functions(harness).Start(other, harness.Client));

        Assert.Equal((202, 202), (firstStatus, againStatus));
        Assert.Equal(422, otherStatus);
        Assert.Contains("responsesPerMatchup", text);
    }

    [Fact]
    public void ForIdempotencyKey_FoldersThatShareAReadablePrefix_GetDifferentRuns()
    {
        Assert.NotEqual(RunIds.ForIdempotencyKey("datasets", "team/a", "k"), RunIds.ForIdempotencyKey("datasets", "team-a", "k"));
        Assert.NotEqual(RunIds.ForIdempotencyKey("datasets", "team/a", "k"), RunIds.ForIdempotencyKey("other", "team/a", "k"));
    }

    private static RunsHttpFunctions Functions(RunHarness harness) =>
        new(harness.Services.GetRequiredService<RunsApi>(), harness.Services.GetRequiredService<ResultsApi>());
}

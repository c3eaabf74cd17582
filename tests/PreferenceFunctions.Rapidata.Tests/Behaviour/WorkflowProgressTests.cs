using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>Crowd progress: an order's workflow id from its pipeline, then the workflow's progress; unknown states never throw.</summary>
public sealed class WorkflowProgressTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetWorkflowProgress_Labeling_MapsEveryField()
    {
        await using var services = TestClients.Create(_server);

        var progress = await services.Client().GetWorkflowProgressAsync("workflow-1");

        Assert.Equal(new WorkflowProgress(37.5, 8, 3, WorkflowState.Labeling, "Labeling"), progress);
        Assert.Equal("/workflow/workflow-1/progress", Assert.Single(_server.ApiRequests).Path);
    }

    [Theory]
    [InlineData("Created", WorkflowState.Created)]
    [InlineData("Started", WorkflowState.Started)]
    [InlineData("Paused", WorkflowState.Paused)]
    [InlineData("Done", WorkflowState.Done)]
    [InlineData("Failed", WorkflowState.Failed)]
    [InlineData("Archived", WorkflowState.Unknown)]
    [InlineData("3", WorkflowState.Unknown)]
    public async Task GetWorkflowProgress_State_KnowsTheSixStatesAndNothingElse(string raw, WorkflowState expected)
    {
        _server.Script = _ => FakeResponse.Ok(CannedResponses.WorkflowProgressJson.Replace("\"Labeling\"", $"\"{raw}\""));
        await using var services = TestClients.Create(_server);

        var progress = await services.Client().GetWorkflowProgressAsync("workflow-1");

        Assert.Equal((expected, raw), (progress.State, progress.RawState));
    }

    [Fact]
    public async Task GetWorkflowProgress_MissingRequiredField_ThrowsRapidataRequestException()
    {
        _server.Script = _ => FakeResponse.Ok("""{"completionPercentage":10,"total":8,"state":"Labeling"}""");
        await using var services = TestClients.Create(_server);

        await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().GetWorkflowProgressAsync("workflow-1"));
    }

    [Fact]
    public async Task GetPipelineWorkflowId_WorkflowArtifact_ReturnsItsWorkflowId()
    {
        await using var services = TestClients.Create(_server);

        Assert.Equal("workflow-1", await services.Client().GetPipelineWorkflowIdAsync("pipeline-1"));
    }

    [Fact]
    public async Task GetPipelineWorkflowId_NoWorkflowArtifact_ThrowsNamingThePipeline()
    {
        _server.Script = _ => FakeResponse.Ok("""{"featureFlags":[],"artifacts":{"d":{"_t":"DatasetArtifactModel","datasetId":"d1","identifier":"d"}}}""");
        await using var services = TestClients.Create(_server);

        var error = await Assert.ThrowsAsync<RapidataRequestException>(() => services.Client().GetPipelineWorkflowIdAsync("pipeline-9"));

        Assert.Contains("pipeline-9", error.Message);
        Assert.Contains("no workflow artifact", error.Message);
    }
}

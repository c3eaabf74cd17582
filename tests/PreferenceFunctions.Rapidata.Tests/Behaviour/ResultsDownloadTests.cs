using PreferenceFunctions.Rapidata.Results;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>Results come back as streams read straight from the network; preliminary downloads report 202 as null.</summary>
public sealed class ResultsDownloadTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task DownloadResults_ServerStillSending_ReturnsStreamBeforeBodyEnds()
    {
        var rest = new TaskCompletionSource();
        var bytes = CannedResponses.ResultsDocument;
        _server.Script = _ => new FakeResponse(200, ContentType: "application/octet-stream", WriteBody: async (body, ct) =>
        {
            await body.WriteAsync(bytes.AsMemory(0, 10), ct);
            await body.FlushAsync(ct);
            await rest.Task.WaitAsync(ct);
            await body.WriteAsync(bytes.AsMemory(10), ct);
        });
        await using var services = TestClients.Create(_server);

        await using var stream = await services.Client().DownloadResultsAsync("order-1");
        rest.SetResult();
        var document = await CompareResultsDocument.ParseAsync(stream);

        Assert.Equal("a.png", Assert.Single(document.Results).Winner);
    }

    [Fact]
    public async Task GetResults_BodyIsJsonString_ParsesWrappedDocument()
    {
        await using var services = TestClients.Create(_server);

        var document = await services.Client().GetResultsAsync("order-1");

        Assert.Equal(("4.1.0", 1), (document.Info.Version, document.Summary.AWinsTotal));
    }

    [Fact]
    public async Task PreliminaryDownload_202ThenReady_ReturnsNullThenDocument()
    {
        var polls = 0;
        _server.Script = request => request.Path.StartsWith("/pipeline/preliminary-download/", StringComparison.Ordinal) && Interlocked.Increment(ref polls) == 1
            ? new FakeResponse(202)
            : null;
        await using var services = TestClients.Create(_server);
        var client = services.Client();

        var downloadId = await client.StartPreliminaryDownloadAsync("pipeline-1");
        var pending = await client.GetPreliminaryDownloadAsync(downloadId);
        await using var ready = await client.GetPreliminaryDownloadAsync(downloadId);

        Assert.Equal("download-1", downloadId);
        Assert.Null(pending);
        Assert.NotNull(ready);
        Assert.Equal(2, (await CompareResultsDocument.ParseAsync(ready)).Results[0].VotesFor("a.png"));
        Assert.Equal("""{"sendEmail":false}""", _server.ApiRequests[0].BodyText);
    }
}

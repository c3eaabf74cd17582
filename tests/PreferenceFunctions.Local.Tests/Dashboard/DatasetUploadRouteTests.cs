using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Dashboard;

/// <summary>
/// <c>POST /api/datasets/{dataset}</c> (the dashboard's drop zone) on the local host and Azurite: an accepted folder lands in
/// the datasets container; hostile or broken input is a 4xx naming the file and the problem, and writes nothing.
/// </summary>
public sealed class DatasetUploadRouteTests
{
    private static readonly string SampleFolder = Path.Combine(Azurite.RepositoryRoot(), "samples", PipelineHarness.SampleDataset);

    [Fact]
    public async Task Upload_SampleFolder_WritesEveryFileAndNamesTheRun()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.PostAsync("api/datasets/sample-1", Folder(SampleFiles()));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(3, json.RootElement.GetProperty("files").GetInt32());
        Assert.Equal(["sample-1/images.zip", "sample-1/matchups.csv", "sample-1/order.json"], await BlobNamesAsync(harness, "sample-1/"));
        var csv = await harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer).GetBlobClient("sample-1/matchups.csv")
            .GetPropertiesAsync();
        Assert.Equal(RunIds.ForDatasetVersion(harness.DatasetsContainer, "sample-1", csv.Value.ETag.ToString()),
            json.RootElement.GetProperty("runId").GetString());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(SampleFolder, "images.zip")),
            (await harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer).GetBlobClient("sample-1/images.zip")
                .DownloadContentAsync()).Value.Content.ToArray());
    }

    [Theory]
    [InlineData("../evil.png", "../evil.png: the path must not contain '.' or '..' folders")]
    [InlineData("images/../../evil.png", "images/../../evil.png: the path must not contain '.' or '..' folders")]
    [InlineData("/etc/passwd", "/etc/passwd: the path has an empty folder name")]
    [InlineData("images\\a.png", "images\\a.png: the path must use '/'")]
    [InlineData(".env", ".env: hidden files")]
    [InlineData("a<script>.png", "a<script>.png: names may hold only")]
    public async Task Upload_HostileFileName_Is400NamingTheFileAndWritesNothing(string path, string expected)
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.PostAsync("api/datasets/hostile", Folder([(path, [1, 2, 3]), .. SampleFiles()]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await DetailAsync(response));
        Assert.Empty(await BlobNamesAsync(harness, ""));
    }

    [Fact]
    public async Task Upload_BadNameOversizedFileOrNoCsv_AnswersWithTheProblem()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var badName = await http.PostAsync("api/datasets/a..b", Folder(SampleFiles()));
        using var noCsv = await http.PostAsync("api/datasets/no-csv", Folder([.. SampleFiles().Where(f => f.Path != "matchups.csv")]));
        using var bigOrder = await http.PostAsync("api/datasets/big-order",
            Folder([.. SampleFiles().Where(f => f.Path != "order.json"), ("order.json", new byte[100 * 1024])]));
        using var twice = await http.PostAsync("api/datasets/twice", Folder([.. SampleFiles(), .. SampleFiles().Take(1)]));
        using var notMultipart = await http.PostAsync("api/datasets/plain", new StringContent("prompt,image1,image2", Encoding.UTF8, "text/csv"));
        var cutShort = new StringContent("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matchups.csv\"\r\n\r\nprompt,");
        cutShort.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");
        using var truncated = await http.PostAsync("api/datasets/cut", cutShort);

        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Contains("may hold only letters, digits, '-', '_' and '.' (no \"..\")", await DetailAsync(badName));
        Assert.Equal(HttpStatusCode.BadRequest, noCsv.StatusCode);
        Assert.Contains("matchups.csv: the dataset has no matchups.csv at its top level", await DetailAsync(noCsv));
        Assert.Equal(HttpStatusCode.BadRequest, bigOrder.StatusCode);
        Assert.Contains("order.json: the file is over its limit of 65,536 bytes", await DetailAsync(bigOrder));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("the file is sent twice", await DetailAsync(twice));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Contains("not readable multipart/form-data", (await truncated.Content.ReadAsStringAsync()));
        Assert.Empty(await BlobNamesAsync(harness, ""));
    }

    [Fact]
    public async Task Upload_NameAlreadyInTheContainer_Is409AndLeavesItsFiles()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(watch: false);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var container = harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("taken/notes.txt").UploadAsync(BinaryData.FromString("the user's own file"));

        using var response = await http.PostAsync("api/datasets/taken", Folder(SampleFiles()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already has files", await DetailAsync(response));
        Assert.Equal(["taken/notes.txt"], await BlobNamesAsync(harness, ""));
        Assert.Equal("the user's own file", (await container.GetBlobClient("taken/notes.txt").DownloadContentAsync()).Value.Content.ToString());
    }

    private static List<(string Path, byte[] Content)> SampleFiles() =>
        [.. Directory.GetFiles(SampleFolder).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))];

    private static MultipartFormDataContent Folder(IEnumerable<(string Path, byte[] Content)> files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (path, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", path);
        }
        return form;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    private static async Task<List<string>> BlobNamesAsync(PipelineHarness harness, string prefix)
    {
        var container = harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer);
        if (!await container.ExistsAsync()) return [];
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None,
            prefix, CancellationToken.None))
            names.Add(blob.Name);
        return [.. names.Order(StringComparer.Ordinal)];
    }
}

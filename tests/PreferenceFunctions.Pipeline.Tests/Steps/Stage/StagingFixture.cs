using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>A datasets and a runs container on Azurite for one test, deleted afterwards.</summary>
public sealed class StagingFixture : IAsyncDisposable
{
    private readonly List<string> _temp = [];

    private StagingFixture(BlobServiceClient blobs)
    {
        Blobs = blobs;
        Datasets = blobs.GetBlobContainerClient(UniqueName.For("datasets"));
        Runs = UniqueName.For("runs");
    }

    public BlobServiceClient Blobs { get; }
    public BlobContainerClient Datasets { get; }
    public string Runs { get; }

    public static async Task<StagingFixture> CreateAsync()
    {
        var fixture = new StagingFixture(new BlobServiceClient(await Azurite.GetConnectionStringAsync()));
        await fixture.Datasets.CreateAsync();
        return fixture;
    }

    public DatasetStager Stager(DatasetOptions? options = null, PreferenceOptions? defaults = null) =>
        new(Blobs, Options.Create(options ?? new DatasetOptions()), Options.Create(defaults ?? new PreferenceOptions()), NullLogger<DatasetStager>.Instance);

    public Task<StagedDataset> StageAsync(string folder, string runId = "run-1", DatasetOptions? options = null, PreferenceOptions? defaults = null) =>
        Stager(options, defaults).StageAsync(new StageDatasetRequest(Datasets.Name, folder, runId, Runs), CancellationToken.None);

    /// <summary>Generates a dataset on disk and uploads it as <c>{folder}/...</c>; returns the local path.</summary>
    public async Task<string> UploadGeneratedAsync(string folder, int matchups, bool zip, int models = 2, string? orderJson = null)
    {
        var local = Path.Combine(Path.GetTempPath(), UniqueName.For("dataset"));
        _temp.Add(local);
        DatasetGenerator.Generate(new GenerateDatasetRequest(local, matchups, models, Seed: 3, Zip: zip, OrderJson: orderJson));
        await UploadFolderAsync(local, folder);
        return local;
    }

    public async Task UploadFolderAsync(string local, string folder)
    {
        var files = Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories).ToList();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (file, ct) =>
            await Datasets.UploadBlobAsync($"{folder}/{Path.GetRelativePath(local, file).Replace('\\', '/')}", File.OpenRead(file), ct));
    }

    public Task UploadTextAsync(string blobName, string text) => Datasets.UploadBlobAsync(blobName, BinaryData.FromString(text));

    public async Task<Dictionary<string, string>> DatasetEtagsAsync()
    {
        var etags = new Dictionary<string, string>();
        await foreach (var blob in Datasets.GetBlobsAsync()) etags[blob.Name] = blob.Properties.ETag.ToString()!;
        return etags;
    }

    public async Task<string> ReadRunTextAsync(string blobName) =>
        (await Blobs.GetBlobContainerClient(Runs).GetBlobClient(blobName).DownloadContentAsync()).Value.Content.ToString();

    public async ValueTask DisposeAsync()
    {
        await Datasets.DeleteIfExistsAsync();
        await Blobs.GetBlobContainerClient(Runs).DeleteIfExistsAsync();
        foreach (var dir in _temp.Where(Directory.Exists)) Directory.Delete(dir, recursive: true);
    }
}

using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>
/// End-to-end staging on Azurite: a generated dataset (images.zip + matchups.csv) is uploaded, then
/// <see cref="DatasetStager.StageAsync"/> is timed: listing, zip central directory, CSV, every image hashed,
/// report, manifest and chunks written.
/// </summary>
public static class StagingBenchmark
{
    public static async Task RunAsync(int matchups)
    {
        var blobs = new BlobServiceClient(await Azurite.GetConnectionStringAsync());
        var datasets = blobs.GetBlobContainerClient(UniqueName.For("benchdatasets"));
        var runs = UniqueName.For("benchruns");
        var local = Path.Combine(Path.GetTempPath(), UniqueName.For("benchset"));
        try
        {
            var watch = Stopwatch.StartNew();
            DatasetGenerator.Generate(new GenerateDatasetRequest(local, matchups, Models: 5, Seed: 1, Zip: true));
            Console.WriteLine($"Staging: generated {matchups:N0} matchups ({new FileInfo(Path.Combine(local, DatasetFiles.Zip)).Length / 1024 / 1024:N0} MiB zip) in {watch.Elapsed.TotalSeconds:0.0} s");
            await datasets.CreateAsync();
            foreach (var file in new[] { DatasetFiles.Zip, DatasetFiles.Matchups })
                await datasets.GetBlobClient($"bench/{file}").UploadAsync(Path.Combine(local, file));

            var stager = new DatasetStager(blobs, Options.Create(new DatasetOptions()), Options.Create(new PreferenceOptions { MaxVotesPerRun = long.MaxValue }), new ConsoleLogger<DatasetStager>());
            watch.Restart();
            var staged = await stager.StageAsync(new StageDatasetRequest(datasets.Name, "bench", "bench-run", runs), CancellationToken.None);
            watch.Stop();
            if (!staged.Accepted) throw new InvalidOperationException($"Benchmark dataset rejected: {(staged.FirstErrors.Count > 0 ? staged.FirstErrors[0] : "")}");
            Console.WriteLine($"  staged {staged.MatchupCount:N0} matchups, {staged.DistinctImageCount:N0} distinct images hashed, {staged.ChunkBlobNames.Count} chunks in {watch.Elapsed.TotalSeconds:0.0} s (target < 60 s)");
        }
        finally
        {
            await datasets.DeleteIfExistsAsync();
            await blobs.GetBlobContainerClient(runs).DeleteIfExistsAsync();
            if (Directory.Exists(local)) Directory.Delete(local, recursive: true);
        }
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>
/// Staging loose images on Azurite (<c>stage-loose</c>): a generated dataset with two loose images per matchup is
/// uploaded, then (i) the limit: every image blob read and hashed once with as many reads in flight as staging uses, the
/// least any staging must do, and (ii) <see cref="DatasetStager.StageAsync"/>: listing, CSV, every image read, hashed and
/// packed into the run's copy, report, manifest and chunks. Medians of 3, our CPU and Azurite's next to the wall time.
/// </summary>
public static class LooseStagingBenchmark
{
    private const int ReadsInFlight = 16;

    public static async Task RunAsync(int matchups)
    {
        var connection = await Azurite.GetConnectionStringAsync();
        var azurite = AzuriteCpu.ForConnectionString(connection);
        var blobs = new BlobServiceClient(connection);
        var datasets = blobs.GetBlobContainerClient(UniqueName.For("benchdatasets"));
        var runs = UniqueName.For("benchruns");
        var local = Path.Combine(Path.GetTempPath(), UniqueName.For("benchset"));
        try
        {
            DatasetGenerator.Generate(new GenerateDatasetRequest(local, matchups, Models: 2, Seed: 1, Zip: false));
            await datasets.CreateAsync();
            var files = Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories).ToList();
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (file, ct) =>
                await datasets.GetBlobClient("bench/" + Path.GetRelativePath(local, file).Replace('\\', '/')).UploadAsync(file, ct));
            var images = files.Count(f => f.Contains($"{Path.DirectorySeparatorChar}images{Path.DirectorySeparatorChar}"));
            Console.WriteLine($"stage-loose: {matchups:N0} matchups, {images:N0} loose images on Azurite; load average {Load.Average()}, " +
                $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, Release build: {!IsDebugBuild()}");

            var names = new List<string>();
            await foreach (var item in datasets.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "bench/images/" })) names.Add(item.Name);
            var limit = await MedianAsync(3, _ => Measure(azurite, () => ReadAllAsync(datasets, names)));
            Console.WriteLine($"  limit, each image blob read and hashed once ({ReadsInFlight} in flight): {limit}");

            var stager = new DatasetStager(blobs, Options.Create(new DatasetOptions()),
                Options.Create(new PreferenceOptions { MaxVotesPerRun = long.MaxValue }), new ConsoleLogger<DatasetStager>());
            var staging = await MedianAsync(3, i => Measure(azurite, async () =>
            {
                var staged = await stager.StageAsync(new StageDatasetRequest(datasets.Name, "bench", $"bench-run-{i}", runs), CancellationToken.None);
                if (!staged.Accepted) throw new InvalidOperationException($"Benchmark dataset rejected: {(staged.FirstErrors.Count > 0 ? staged.FirstErrors[0] : "")}");
            }));
            Console.WriteLine($"  staging (DatasetStager.StageAsync): {staging}");
            Console.WriteLine($"  staging / limit: {staging.Wall / limit.Wall:0.0}x wall, {staging.TotalCpu / limit.TotalCpu:0.0}x CPU (ours + Azurite)");
        }
        finally
        {
            await datasets.DeleteIfExistsAsync();
            await blobs.GetBlobContainerClient(runs).DeleteIfExistsAsync();
            if (Directory.Exists(local)) Directory.Delete(local, recursive: true);
        }
    }

    private static Task ReadAllAsync(BlobContainerClient datasets, List<string> names) =>
        Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = ReadsInFlight }, async (name, ct) =>
        {
            var download = await datasets.GetBlobClient(name).DownloadContentAsync(ct);
            SHA256.HashData(download.Value.Content.ToMemory().Span);
        });

    private static async Task<Measurement> Measure(AzuriteCpu azurite, Func<Task> work)
    {
        var process = Process.GetCurrentProcess();
        var (cpu, azuriteCpu, wall) = (process.TotalProcessorTime, azurite.Seconds(), Stopwatch.StartNew());
        await work();
        process.Refresh();
        return new Measurement(wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, azurite.Seconds() - azuriteCpu);
    }

    private static async Task<Measurement> MedianAsync(int runs, Func<int, Task<Measurement>> measure)
    {
        var all = new List<Measurement>();
        for (var i = 0; i < runs; i++) all.Add(await measure(i));
        return all.OrderBy(m => m.Wall).ElementAt(runs / 2);
    }

    private static bool IsDebugBuild() =>
        typeof(DatasetStager).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled);

    private sealed record Measurement(double Wall, double Cpu, double AzuriteCpu)
    {
        public double TotalCpu => Cpu + AzuriteCpu;

        public override string ToString() => $"{Wall:0.0} s wall, CPU {Cpu:0.0} s ours + {AzuriteCpu:0.0} s Azurite";
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>
/// What Azurite alone needs for the storage requests of a run of N matchups with loose images (<c>azurite-floor</c>), no
/// pipeline, no durable engine, no emulator: every image blob read once (what staging cannot avoid, 16 in flight), and
/// the MediaAssets table asked once per image (32 in flight, <see cref="MediaAssetCache.FindAsync"/>'s point reads) as
/// misses, which is what a run of new images paid before the <see cref="MediaAssetIndex"/>, and as hits, which is what a
/// rerun of the same images pays; and the new images' rows saved as <see cref="MediaAssetCache.SaveAsync"/> saves them. If the reads alone take longer than a goal, no pipeline on Azurite can meet it.
/// One run of each, with Azurite's CPU next to the wall time.
/// </summary>
public static class AzuriteFloorBenchmark
{
    private const int BlobReadsInFlight = 16; // LooseStagingBenchmark's and BlobImageContentSource's
    private const int LookupsInFlight = 32; // Preference:RequestsPerChunk (8) x Preference:UploadConcurrency (4); saves: 8, one chunk's

    public static async Task RunAsync(int matchups)
    {
        var connection = await Azurite.GetConnectionStringAsync();
        var azurite = AzuriteCpu.ForConnectionString(connection);
        var blobs = new BlobServiceClient(connection);
        var datasets = blobs.GetBlobContainerClient(UniqueName.For("benchfloor"));
        var table = new TableServiceClient(connection).GetTableClient(UniqueName.For("benchfloor"));
        var local = Path.Combine(Path.GetTempPath(), UniqueName.For("benchset"));
        try
        {
            DatasetGenerator.Generate(new GenerateDatasetRequest(local, matchups, Models: 2, Seed: 1, Zip: false));
            var images = Directory.EnumerateFiles(Path.Combine(local, "images"), "*", SearchOption.AllDirectories).ToList();
            await datasets.CreateAsync();
            await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (file, ct) =>
                await datasets.GetBlobClient(Path.GetFileName(file)).UploadAsync(file, ct));
            Console.WriteLine($"azurite-floor: {matchups:N0} matchups, {images.Count:N0} loose images ({new FileInfo(images[0]).Length:N0} bytes each or so) " +
                $"on a private Azurite; load average {Load.Average()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

            // The cache as it stands when a run starts: another run's rows (as many as this run's images), saved the way
            // MediaAssetCache.SaveAsync saves them.
            await table.CreateAsync();
            var apiKey = MediaAssetEntity.ApiKeyFor(new Uri("http://127.0.0.1:5080/"));
            var hashes = images.Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).ToList();
            var earlierRun = hashes.Select(h => Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(h)))).ToList();
            await SaveAsync(table, earlierRun, apiKey);

            // Warm up (JIT, connections) on a few of each request, so the figures are Azurite's, not our start.
            await ReadAsync(datasets, images.Take(200).ToList());
            await LookUpAsync(table, hashes.Take(200).ToList(), apiKey, expectFound: false);

            var reads = await Measure(azurite, images.Count, () => ReadAsync(datasets, images));
            Console.WriteLine($"  staging's reads, every image blob once ({BlobReadsInFlight} in flight): {reads}");
            var misses = await Measure(azurite, hashes.Count, () => LookUpAsync(table, hashes, apiKey, expectFound: false));
            Console.WriteLine($"  the table asked once per new image, misses, as before the index ({LookupsInFlight} in flight): {misses}");
            var saves = await Measure(azurite, hashes.Count, () => SaveAsync(table, hashes, apiKey));
            Console.WriteLine($"  the new images saved to the table, transactions of {MediaAssetCache.EntitiesPerTransaction} rows of one partition (rows counted): {saves}");
            var hits = await Measure(azurite, hashes.Count, () => LookUpAsync(table, hashes, apiKey, expectFound: true));
            Console.WriteLine($"  the same, hits (a rerun of the same images): {hits}");
            Console.WriteLine($"  floor of a run of {matchups:N0} matchups with loose images on Azurite (every image read once): {reads.Wall:0.0} s wall, " +
                $"{reads.AzuriteCpu:0.0} s of Azurite's CPU; the point reads the index saves a run of new images: {misses.Wall:0.0} s, {misses.AzuriteCpu:0.0} s of Azurite's CPU");
        }
        finally
        {
            await datasets.DeleteIfExistsAsync();
            await table.DeleteAsync();
            if (Directory.Exists(local)) Directory.Delete(local, recursive: true);
        }
    }

    private static async Task SaveAsync(TableClient table, List<string> hashes, string apiKey)
    {
        var batches = hashes.Select(h => new MediaAssetEntity
            {
                PartitionKey = MediaAssetEntity.PartitionFor(h), RowKey = MediaAssetEntity.RowKeyFor(h, apiKey),
                AssetName = h[..16] + ".png", OriginalFileName = h[..16] + ".png", SizeBytes = 100, ApiBaseUrl = "http://127.0.0.1:5080/",
            })
            .GroupBy(e => e.PartitionKey).SelectMany(p => p.Chunk(MediaAssetCache.EntitiesPerTransaction));
        await Parallel.ForEachAsync(batches, Options(8), async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
    }

    private static Task ReadAsync(BlobContainerClient datasets, List<string> images) =>
        Parallel.ForEachAsync(images, Options(BlobReadsInFlight), async (file, ct) =>
            SHA256.HashData((await datasets.GetBlobClient(Path.GetFileName(file)).DownloadContentAsync(ct)).Value.Content.ToMemory().Span));

    private static Task LookUpAsync(TableClient table, List<string> hashes, string apiKey, bool expectFound) =>
        Parallel.ForEachAsync(hashes, Options(LookupsInFlight), async (hash, ct) =>
        {
            var found = await table.GetEntityIfExistsAsync<MediaAssetEntity>(MediaAssetEntity.PartitionFor(hash), MediaAssetEntity.RowKeyFor(hash, apiKey), cancellationToken: ct);
            if (found.HasValue != expectFound) throw new InvalidOperationException($"Lookup of {hash}: found {found.HasValue}, expected {expectFound}.");
        });

    private static ParallelOptions Options(int inFlight) => new() { MaxDegreeOfParallelism = inFlight };

    private static async Task<Measurement> Measure(AzuriteCpu azurite, int requests, Func<Task> work)
    {
        var process = Process.GetCurrentProcess();
        var (cpu, azuriteCpu, wall) = (process.TotalProcessorTime, azurite.Seconds(), Stopwatch.StartNew());
        await work();
        process.Refresh();
        return new Measurement(requests, wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, azurite.Seconds() - azuriteCpu);
    }

    private sealed record Measurement(int Requests, double Wall, double Cpu, double AzuriteCpu)
    {
        public override string ToString() =>
            $"{Requests:N0} requests in {Wall:0.0} s wall ({Requests / Wall:N0}/s), CPU {Cpu:0.0} s ours + {AzuriteCpu:0.0} s Azurite ({AzuriteCpu * 1000 / Requests:0.00} ms a request)";
    }
}

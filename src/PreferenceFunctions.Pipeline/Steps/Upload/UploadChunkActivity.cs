using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Uploads one manifest chunk: each distinct image once (content already in the <see cref="MediaAssetLog"/> is reused), then one
/// datapoint per matchup carrying its matchup id as private metadata (<see cref="MatchupMetadata.IdKey"/>). Safe to run
/// twice: a finished chunk is recorded in <c>{runId}/uploads/</c>, and a chunk that was interrupted first asks Rapidata
/// which of its datapoints already exist, so a retry never duplicates one.
/// </summary>
public sealed class UploadChunkActivity(
    RapidataClient rapidata,
    ManifestStore manifests,
    DatasetImageReader images,
    MediaAssetCache assets,
    UploadRecordStore uploads,
    PromptShortener prompts,
    IOptions<PreferenceOptions> options) : TaskActivity<UploadChunkInput, UploadChunkResult>
{
    public override async Task<UploadChunkResult> RunAsync(TaskActivityContext context, UploadChunkInput input)
    {
        // The start marker first: a chunk never started before (the usual case) has no record to read.
        var firstAttempt = await uploads.MarkStartedAsync(input.RunsContainer, input.RecordFolder, input.ChunkIndex);
        if (!firstAttempt && await uploads.ReadAsync(input.RunsContainer, input.RecordFolder, input.ChunkIndex) is { } finished)
            return finished.Result;

        var chunk = await manifests.ReadChunkAsync(input.RunsContainer, input.ChunkBlobName);
        var shortened = await prompts.ShortenAsync(input.RunsContainer, input.RunId, chunk.Matchups);
        var existing = firstAttempt ? new HashSet<string>() : await ExistingDatapointsAsync(input.RapidataDatasetId);

        // The run's own copy of its images, made at staging; runs staged before that read the dataset folder.
        await using var session = chunk.StagedImagesFolder is { } staged
            ? images.OpenSession(input.RunsContainer, staged)
            : images.OpenSession(input.DatasetsContainer, input.DatasetFolder);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.RequestsPerChunk };
        var uploadedAssets = new ConcurrentDictionary<string, MediaAsset>();
        var freshUploads = new ConcurrentDictionary<string, bool>();
        var uploadedNow = 0;
        var distinctImages = chunk.Matchups.SelectMany(m => new[] { m.Image1, m.Image2 }).DistinctBy(ContentKey).ToList();
        // Rapidata keys votes by upload file name: images that share a file name with their partner go up as <folder>_<file>.
        var byPath = chunk.Matchups
            .Where(m => string.Equals(m.Image1.FileName, m.Image2.FileName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(m => new[] { ContentKey(m.Image1), ContentKey(m.Image2) }).ToHashSet();
        async Task<MediaAsset> Upload(ManifestImage image, CancellationToken ct, bool underPath = false)
        {
            var name = underPath || byPath.Contains(ContentKey(image)) ? FolderAndFileName(image) : image.FileName;
            var asset = await assets.UploadAsync(image, name, () => session.OpenAsync(image, ct), ct);
            uploadedAssets[ContentKey(image)] = asset;
            freshUploads[ContentKey(image)] = true;
            Interlocked.Increment(ref uploadedNow);
            return asset;
        }
        async Task<MediaAsset> UploadAgain(ManifestImage image, CancellationToken ct, bool underPath = false)
        {
            var asset = await Upload(image, ct, underPath);
            await assets.SaveAsync([asset], ct);
            return asset;
        }

        // The cache is asked for the chunk's images at once and told the new ones with one append; they are saved before
        // any datapoint names them, so a retry of an interrupted chunk finds them and recognises its
        // datapoints (an interruption before that uploads again).
        var known = await assets.FindAsync(distinctImages.Select(i => i.Sha256).OfType<string>(), CancellationToken.None);
        session.PlanReads(distinctImages.Where(i => i.Sha256 is not { } sha256 || !known.ContainsKey(sha256)));
        await Parallel.ForEachAsync(distinctImages, parallel, async (image, ct) =>
        {
            if (image.Sha256 is { } sha256 && known.TryGetValue(sha256, out var cached)) uploadedAssets[ContentKey(image)] = cached;
            else await Upload(image, ct);
        });
        await assets.SaveAsync(freshUploads.Keys.Select(key => uploadedAssets[key]), CancellationToken.None);

        var created = 0;
        var records = new ConcurrentBag<UploadedMatchup>();
        await Parallel.ForEachAsync(chunk.Matchups, parallel, async (matchup, ct) =>
        {
            var first = uploadedAssets[ContentKey(matchup.Image1)];
            var second = uploadedAssets[ContentKey(matchup.Image2)];
            if (string.Equals(first.OriginalFileName, second.OriginalFileName, StringComparison.OrdinalIgnoreCase))
                second = await UploadAgain(matchup.Image2, ct, underPath: true); // cached under its partner's name
            var shortPrompt = shortened.GetValueOrDefault(matchup.MatchupId);
            var context = shortPrompt ?? matchup.Prompt;
            if (existing.Contains(DatapointKey(first.AssetName, second.AssetName, context)))
            {
                records.Add(new UploadedMatchup(matchup.MatchupId, first.OriginalFileName, second.OriginalFileName, shortPrompt));
                return;
            }
            var metadata = new Dictionary<string, string>(matchup.PrivateMetadata) { [MatchupMetadata.IdKey] = matchup.MatchupId };
            try
            {
                await rapidata.CreateDatapointAsync(input.RapidataDatasetId,
                    new CompareDatapoint(first.AssetName, second.AssetName, context, matchup.SortIndex, metadata), ct);
            }
            catch (RapidataRequestException e) when (e.StatusCode is 400 or 404 &&
                !(freshUploads.ContainsKey(ContentKey(matchup.Image1)) && freshUploads.ContainsKey(ContentKey(matchup.Image2))))
            {
                // A cached asset Rapidata no longer knows (for example an emulator restarted without persistence): upload again once.
                first = await UploadAgain(matchup.Image1, ct);
                second = await UploadAgain(matchup.Image2, ct);
                await rapidata.CreateDatapointAsync(input.RapidataDatasetId,
                    new CompareDatapoint(first.AssetName, second.AssetName, context, matchup.SortIndex, metadata), ct);
            }
            records.Add(new UploadedMatchup(matchup.MatchupId, first.OriginalFileName, second.OriginalFileName, shortPrompt));
            Interlocked.Increment(ref created);
        });

        var distinctCount = uploadedAssets.Count;
        var result = new UploadChunkResult(input.ChunkIndex, chunk.Matchups.Count, uploadedNow, distinctCount - uploadedNow, created);
        await uploads.WriteAsync(input.RunsContainer, input.RecordFolder, new UploadedChunk(result, records.OrderBy(r => r.MatchupId).ToList()));
        return result;
    }

    private async Task<HashSet<string>> ExistingDatapointsAsync(string datasetId)
    {
        var keys = new HashSet<string>();
        await foreach (var datapoint in rapidata.ListDatapointsAsync(datasetId))
        {
            if (datapoint.AssetNames.Count == 2)
                keys.Add(DatapointKey(datapoint.AssetNames[0], datapoint.AssetNames[1], datapoint.Context));
        }
        return keys;
    }

    /// <summary>Images are identified by content; only URL images (not uploaded by this version) have no hash.</summary>
    private static string ContentKey(ManifestImage image) => image.Sha256 ?? image.Path;

    /// <summary><c>images/flux/001.png</c> -> <c>flux_001.png</c>.</summary>
    private static string FolderAndFileName(ManifestImage image)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(image.Path.Replace('\\', '/')) ?? "");
        return folder.Length == 0 ? image.FileName : $"{folder}_{image.FileName}";
    }

    private static string DatapointKey(string firstAsset, string secondAsset, string? context) => $"{firstAsset}\n{secondAsset}\n{context}";
}

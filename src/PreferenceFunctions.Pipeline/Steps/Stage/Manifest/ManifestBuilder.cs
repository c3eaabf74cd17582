using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>
/// Turns a check's staged rows into manifest chunks of <c>chunkSize</c> matchups, in order. <c>packed</c>: where each small loose
/// image starts in the run's staged image pack (<see cref="StagedImagePack"/>).
/// </summary>
internal static class ManifestBuilder
{
    public static IReadOnlyList<ManifestChunk> Chunks(DatasetCheckResult check, int chunkSize, string stagedImagesFolder,
        IReadOnlyDictionary<ImageEntry, long> packed)
    {
        var matchups = check.Staged.Select((row, i) => Matchup(row, i, check, packed)).ToList();
        return [.. matchups.Chunk(chunkSize).Select((items, i) => new ManifestChunk(i, items, stagedImagesFolder))];
    }

    public static IReadOnlyList<ManifestAudienceExample> AudienceExamples(DatasetCheckResult check, IReadOnlyDictionary<ImageEntry, long> packed) =>
        [.. check.AudienceExamples.Select(e => new ManifestAudienceExample(e.Index, e.Example.Prompt,
            Image(e.Image1, "", check.Facts, packed), Image(e.Image2, "", check.Facts, packed), e.Example.Winner))];

    public static string ChunkBlobName(string runId, int index) => $"{runId}/chunks/{index:00000}.json";

    private static ManifestMatchup Matchup(MatchupRow row, int sortIndex, DatasetCheckResult check, IReadOnlyDictionary<ImageEntry, long> packed)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < (row.Metadata?.Length ?? 0); i++) metadata[check.MetadataColumns[i]] = row.Metadata![i];
        return new ManifestMatchup(
            MatchupId: MatchupIds.Of(row),
            SortIndex: sortIndex,
            Prompt: row.Prompt,
            Image1: Image(row.Image1, row.Model1, check.Facts, packed),
            Image2: Image(row.Image2, row.Model2, check.Facts, packed),
            PrivateMetadata: metadata);
    }

    private static ManifestImage Image(ImageEntry image, string model, IReadOnlyDictionary<ImageEntry, ImageFacts> facts,
        IReadOnlyDictionary<ImageEntry, long> packed)
    {
        var known = facts.TryGetValue(image, out var f) ? f : null;
        return new ManifestImage(
            Path: image.Source == ImageSource.Zip ? image.Location : image.Path,
            Source: image.Source,
            FileName: image.FileName,
            Sha256: known?.Sha256,
            SizeBytes: known?.SizeBytes ?? image.SizeBytes,
            Model: model,
            PackOffset: packed.TryGetValue(image, out var offset) ? offset : null);
    }
}

using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

/// <summary>
/// Turns a check's staged rows into manifest chunks, in order. <c>packed</c>: where each small loose image starts in the
/// run's staged image pack (<see cref="StagedImagePack"/>).
/// </summary>
internal static class ManifestBuilder
{
    public static IReadOnlyList<ManifestChunk> Chunks(DatasetCheckResult check, int maxMatchups, long maxImageBytes,
        string stagedImagesFolder, IReadOnlyDictionary<ImageEntry, long> packed)
    {
        var matchups = check.Staged.Select((row, i) => Matchup(row, i, check, packed)).ToList();
        return [.. Split(matchups, maxMatchups, maxImageBytes).Select((items, i) => new ManifestChunk(i, items, stagedImagesFolder))];
    }

    /// <summary>
    /// Cuts the matchups, in order, into chunks of at most <paramref name="maxMatchups"/> matchups whose distinct images
    /// (an image twice in a chunk is uploaded once) hold at most <paramref name="maxImageBytes"/>; a matchup whose images
    /// alone hold more gets a chunk of its own. A chunk is one upload activity: the durable engine's cost per activity is
    /// fixed (a queue message, a dispatch, a few history events, our retry records), so small images go many to a chunk,
    /// while the byte cap keeps a chunk of large images to an upload that ends well inside the host's function timeout
    /// and costs little to retry.
    /// </summary>
    public static IEnumerable<IReadOnlyList<ManifestMatchup>> Split(IReadOnlyList<ManifestMatchup> matchups, int maxMatchups, long maxImageBytes)
    {
        var chunk = new List<ManifestMatchup>();
        var images = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        foreach (var matchup in matchups)
        {
            if (chunk.Count > 0 && (chunk.Count == maxMatchups || bytes + AddedBytes(matchup) > maxImageBytes))
            {
                yield return chunk;
                (chunk, bytes) = ([], 0);
                images.Clear();
            }
            bytes += AddedBytes(matchup);
            chunk.Add(matchup);
            images.Add(ImageKey(matchup.Image1));
            images.Add(ImageKey(matchup.Image2));
        }
        if (chunk.Count > 0) yield return chunk;

        long AddedBytes(ManifestMatchup m)
        {
            var (first, second) = (ImageKey(m.Image1), ImageKey(m.Image2));
            return (images.Contains(first) ? 0 : m.Image1.SizeBytes ?? 0)
                + (images.Contains(second) || second == first ? 0 : m.Image2.SizeBytes ?? 0);
        }
    }

    // An image's content when known (uploads are deduplicated by it), else where it is (URLs, which Rapidata downloads).
    private static string ImageKey(ManifestImage image) => image.Sha256 ?? image.Path;

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

using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>
/// Reads a run's stored results document and joins every entry to its staged matchup (by the names the images were
/// uploaded under), then analyses votes and rankings. Only reads: the tables and the report are written by others.
/// </summary>
public sealed class ResultsCollector(StorageConnection storage, ManifestStore manifests, UploadRecordStore uploads)
{
    private static readonly CompareResultsParseOptions ParseOptions = new() { IncludeDetailedResults = false };

    public async Task<CollectedResults> CollectAsync(WriteResultsInput input, CancellationToken cancellationToken = default)
    {
        // Rapidata names each image by the file name it was uploaded under (recorded per chunk at upload time).
        var resultKeys = (await uploads.ReadAllAsync(input.RunsContainer, input.RunId, cancellationToken))
            .SelectMany(c => c.Matchups).ToDictionary(u => u.MatchupId, StringComparer.Ordinal);
        var known = new List<Matchup>();
        var imagesByPath = new Dictionary<string, ManifestImage>(StringComparer.Ordinal);
        string? stagedImagesFolder = null;
        foreach (var chunkBlob in input.ChunkBlobNames)
        {
            var chunk = await manifests.ReadChunkAsync(input.RunsContainer, chunkBlob, cancellationToken);
            stagedImagesFolder ??= chunk.StagedImagesFolder;
            foreach (var m in chunk.Matchups)
            {
                var keys = resultKeys.GetValueOrDefault(m.MatchupId);
                known.Add(m.ToMatchup() with { ResultKey1 = keys?.ResultKey1, ResultKey2 = keys?.ResultKey2, ShortenedPrompt = keys?.ShortenedPrompt });
                imagesByPath.TryAdd(m.Image1.Path, m.Image1);
                imagesByPath.TryAdd(m.Image2.Path, m.Image2);
            }
        }

        var resultsBlob = storage.Blobs.GetBlobContainerClient(input.RunsContainer).GetBlobClient(input.ResultsBlobName);
        CompareResultsDocument document;
        await using (var stream = await resultsBlob.OpenReadAsync(cancellationToken: cancellationToken))
        {
            document = await CompareResultsDocument.ParseAsync(stream, ParseOptions, cancellationToken);
        }
        return new CollectedResults(PreferenceAnalyzer.Analyze(MatchupOutcomeBuilder.Build(document, known)), imagesByPath, known,
            stagedImagesFolder);
    }
}

using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>
/// Reads a run's stored results document and joins every entry to its staged matchup (by the names the images were
/// uploaded under), then analyses votes and rankings. An adaptive run's follow-up rounds (<c>{runId}/rounds/{nn}/</c>) are
/// joined the same way and their votes added per matchup (<see cref="RoundVotes"/>). Only reads: the tables and the report
/// are written by others.
/// </summary>
public sealed class ResultsCollector(StorageConnection storage, ManifestStore manifests, UploadRecordStore uploads)
{
    private const int ParallelReads = 16;
    private static readonly CompareResultsParseOptions ParseOptions = new() { IncludeDetailedResults = false };

    public async Task<CollectedResults> CollectAsync(WriteResultsInput input, CancellationToken cancellationToken = default)
    {
        var known = new List<Matchup>();
        var imagesByPath = new Dictionary<string, ManifestImage>(StringComparer.Ordinal);
        string? stagedImagesFolder = null;
        // A few chunk blobs read at a time, folded in chunk order: 400 reads one after the other are 400 round trips, and
        // reading all of them at once would hold every chunk's JSON objects together.
        foreach (var batch in input.ChunkBlobNames.Chunk(ParallelReads))
        {
            var chunks = await Task.WhenAll(batch.Select(name => manifests.ReadChunkAsync(input.RunsContainer, name, cancellationToken)));
            foreach (var chunk in chunks)
            {
                stagedImagesFolder ??= chunk.StagedImagesFolder;
                foreach (var m in chunk.Matchups)
                {
                    known.Add(m.ToMatchup());
                    imagesByPath.TryAdd(m.Image1.Path, m.Image1);
                    imagesByPath.TryAdd(m.Image2.Path, m.Image2);
                }
            }
        }

        var outcomes = await OutcomesAsync(input.RunsContainer, input.RunId, input.ResultsBlobName, known, cancellationToken);
        var rounds = new List<IReadOnlyList<MatchupOutcome>>();
        var runs = storage.Blobs.GetBlobContainerClient(input.RunsContainer);
        foreach (var (_, folder) in await RoundResultsListing.ListAsync(runs, input.RunId, cancellationToken))
            rounds.Add(await OutcomesAsync(input.RunsContainer, folder, $"{folder}/{RoundBlobs.ResultsFileName}", known, cancellationToken));
        if (rounds.Count > 0) outcomes = RoundVotes.Merge(outcomes, rounds);
        return new CollectedResults(PreferenceAnalyzer.Analyze(outcomes), imagesByPath, known, stagedImagesFolder);
    }

    /// <summary>One results document joined to the matchups, by the names the images were uploaded under in that order
    /// (recorded per chunk at upload time under <paramref name="uploadFolder"/>).</summary>
    private async Task<IReadOnlyList<MatchupOutcome>> OutcomesAsync(string container, string uploadFolder, string resultsBlobName,
        IReadOnlyList<Matchup> known, CancellationToken cancellationToken)
    {
        var resultKeys = (await uploads.ReadAllAsync(container, uploadFolder, cancellationToken))
            .SelectMany(c => c.Matchups).ToDictionary(u => u.MatchupId, StringComparer.Ordinal);
        var joined = known.Select(m => resultKeys.GetValueOrDefault(m.Id) is { } keys
            ? m with { ResultKey1 = keys.ResultKey1, ResultKey2 = keys.ResultKey2, ShortenedPrompt = keys.ShortenedPrompt }
            : m).ToList();
        var resultsBlob = storage.Blobs.GetBlobContainerClient(container).GetBlobClient(resultsBlobName);
        await using var stream = await resultsBlob.OpenReadAsync(cancellationToken: cancellationToken);
        // Each entry folded into its matchup's outcome as it is parsed: 100,000 parsed entries are never held at once.
        var (_, outcomes) = await MatchupOutcomeBuilder.ReadDocumentAsync(stream, ParseOptions, joined, cancellationToken);
        return outcomes;
    }
}

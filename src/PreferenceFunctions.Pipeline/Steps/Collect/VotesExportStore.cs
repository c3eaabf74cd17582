using Azure;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>
/// A run's votes export, <c>{runId}/votes.parquet</c>: every vote of its results document joined to its matchup, then an
/// adaptive run's follow-up rounds' votes, each row with its round (1 for the first order). The documents are streamed
/// (once, unless a userScores dimension first appears after the first row group: see <see cref="VotesParquet"/>) and the
/// Parquet file is built in a temporary file, since Parquet.Net needs a seekable stream; neither is held in memory.
/// </summary>
public sealed class VotesExportStore(StorageConnection storage, IOptions<PreferenceOptions> options)
{
    /// <returns>The votes written.</returns>
    public async Task<long> WriteAsync(WriteResultsInput input, IReadOnlyCollection<Matchup> knownMatchups, CancellationToken cancellationToken = default)
    {
        var runs = storage.Blobs.GetBlobContainerClient(input.RunsContainer);
        var followUps = await RoundResultsListing.ListAsync(runs, input.RunId, cancellationToken);
        var documents = followUps.Select(r => (r.Round, Blob: $"{r.Folder}/{RoundBlobs.ResultsFileName}")).Prepend((Round: 1, Blob: input.ResultsBlobName));
        async IAsyncEnumerable<VoteRow> Rows()
        {
            foreach (var (round, blob) in documents)
            {
                await using var stream = await runs.GetBlobClient(blob).OpenReadAsync(cancellationToken: cancellationToken);
                var entries = CompareResultsDocument.ReadEntriesAsync(stream, cancellationToken: cancellationToken);
                await foreach (var outcome in MatchupOutcomeBuilder.ReadAsync(entries, knownMatchups, cancellationToken))
                    foreach (var row in VoteRow.FromOutcome(input.RunId, outcome, round)) yield return row;
            }
        }

        await using var file = TemporaryFile();
        var written = await VotesParquet.WriteAsync(Rows, file, cancellationToken);
        file.Position = 0;
        await runs.GetBlobClient(RunBlobs.Votes(input.RunId))
            .UploadAsync(file, overwrite: true, cancellationToken);
        return written;
    }

    /// <summary>The run's breakdown by voter country and age group, or null when the run has no votes export.</summary>
    public async Task<VoteBreakdown?> ReadBreakdownAsync(string runsContainer, string runId, CancellationToken cancellationToken = default)
    {
        await using var file = TemporaryFile();
        try
        {
            await storage.Blobs.GetBlobContainerClient(runsContainer).GetBlobClient(RunBlobs.Votes(runId)).DownloadToAsync(file, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        file.Position = 0;
        var breakdown = new VoteBreakdownBuilder();
        await foreach (var row in VotesParquet.ReadAsync(file, cancellationToken)) breakdown.Add(row);
        return breakdown.Build(options.Value.BreakdownMinVotes);
    }

    private static FileStream TemporaryFile() => new(Path.Combine(Path.GetTempPath(), $"votes-{Guid.NewGuid():N}.parquet"), FileMode.CreateNew,
        FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}

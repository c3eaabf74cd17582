using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>
/// Aggregates the downloaded results document: joins every entry to its matchup, analyses votes and rankings,
/// upserts MatchupResults and ModelScores in batched transactions, renders the report, and summarises the run.
/// Upserts and overwrites make it safe to run twice.
/// </summary>
public sealed class WriteResultsActivity(StorageConnection storage, ManifestStore manifests, UploadRecordStore uploads, RunLedger ledger,
    RunReportWriter reports)
    : TaskActivity<WriteResultsInput, ResultsSummary>
{
    private static readonly CompareResultsParseOptions ParseOptions = new() { IncludeDetailedResults = false };

    public override async Task<ResultsSummary> RunAsync(TaskActivityContext context, WriteResultsInput input)
    {
        // Rapidata names each image by the file name it was uploaded under (recorded per chunk at upload time).
        var resultKeys = (await uploads.ReadAllAsync(input.RunsContainer, input.RunId))
            .SelectMany(c => c.Matchups).ToDictionary(u => u.MatchupId, StringComparer.Ordinal);
        var known = new List<Matchup>();
        var imagesByPath = new Dictionary<string, ManifestImage>(StringComparer.Ordinal);
        foreach (var chunkBlob in input.ChunkBlobNames)
        {
            var chunk = await manifests.ReadChunkAsync(input.RunsContainer, chunkBlob);
            foreach (var m in chunk.Matchups)
            {
                var keys = resultKeys.GetValueOrDefault(m.MatchupId);
                known.Add(m.ToMatchup() with { ResultKey1 = keys?.ResultKey1, ResultKey2 = keys?.ResultKey2 });
                imagesByPath.TryAdd(m.Image1.Path, m.Image1);
                imagesByPath.TryAdd(m.Image2.Path, m.Image2);
            }
        }

        var resultsBlob = storage.Blobs.GetBlobContainerClient(input.RunsContainer).GetBlobClient(input.ResultsBlobName);
        CompareResultsDocument document;
        await using (var stream = await resultsBlob.OpenReadAsync())
        {
            document = await CompareResultsDocument.ParseAsync(stream, ParseOptions);
        }
        var analysis = PreferenceAnalyzer.Analyze(MatchupOutcomeBuilder.Build(document, known));

        var matchupTable = storage.Tables.GetTableClient(TableNames.MatchupResults);
        await TableBatchWriter.UpsertAsync(matchupTable, analysis.Matchups.Select(m => ResultRows.ToEntity(input.RunId, m)));
        var modelTable = storage.Tables.GetTableClient(TableNames.ModelScores);
        await TableBatchWriter.UpsertAsync(modelTable, analysis.Models.Select(m => ResultRows.ToEntity(input.RunId, m)));

        var run = await ledger.GetAsync(input.RunId);
        var reportBlob = await reports.WriteAsync(input.RunId, run?.OrderName ?? input.RunId, analysis,
            run?.DatasetsContainer ?? "", run?.DatasetFolder ?? "", imagesByPath);
        var totalVotes = analysis.Matchups.Sum(m => m.TotalVotes);
        var winner = analysis.Components == 1 ? analysis.Models.FirstOrDefault(m => m.Rank == 1)?.Model : null;
        await ledger.RecordResultsAsync(input.RunId, totalVotes, winner, reportBlob, analysis.Models.Select(m => m.Model));
        return new ResultsSummary(analysis.Matchups.Count, totalVotes, winner, reportBlob);
    }
}

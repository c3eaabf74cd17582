using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>
/// Aggregates the downloaded results document into MatchupResults and ModelScores (batched upserts), writes every vote
/// to the run's votes.parquet (at the same time as the rows) and records the totals on the run. Upserts and overwrites make it
/// safe to run twice. The report is a separate, best-effort step.
/// </summary>
public sealed class WriteResultsActivity(StorageConnection storage, ResultsCollector collector, VotesExportStore votes, RunLedger ledger,
    ILogger<WriteResultsActivity> logger) : TaskActivity<WriteResultsInput, ResultsSummary>
{
    public override async Task<ResultsSummary> RunAsync(TaskActivityContext context, WriteResultsInput input)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var collected = await collector.CollectAsync(input);
        var analysis = collected.Analysis;
        CollectLog.Phase(logger, input.RunId, "chunks read, results parsed and analysed", clock.ElapsedMilliseconds);
        // The votes export (our CPU: a second read of the document, then Parquet) runs beside the table rows (the storage
        // service's work): at 100,000 matchups each takes seconds, on different cores. Both overwrite what a retry finds.
        await Task.WhenAll(WriteVotesAsync(), WriteTablesAsync());

        var totalVotes = analysis.Matchups.Sum(m => m.TotalVotes);
        var leaders = RunLeaders.Of(analysis);
        await ledger.RecordResultsAsync(input.RunId, totalVotes, leaders.Winner, analysis.Models.Select(m => m.Model), leaders.Leaders);
        return new ResultsSummary(analysis.Matchups.Count, totalVotes, leaders.Winner, leaders.Leaders);

        async Task WriteVotesAsync()
        {
            await votes.WriteAsync(input, collected.KnownMatchups);
            CollectLog.Phase(logger, input.RunId, "votes.parquet written", clock.ElapsedMilliseconds);
        }

        async Task WriteTablesAsync()
        {
            var matchupTable = storage.Tables.GetTableClient(TableNames.MatchupResults);
            await TableBatchWriter.UpsertAsync(matchupTable, analysis.Matchups.Select(m => ResultRows.ToEntity(input.RunId, m)));
            var modelTable = storage.Tables.GetTableClient(TableNames.ModelScores);
            await TableBatchWriter.UpsertAsync(modelTable, analysis.Models.Select(m => ResultRows.ToEntity(input.RunId, m)));
            CollectLog.Phase(logger, input.RunId, "result tables written", clock.ElapsedMilliseconds);
        }
    }
}

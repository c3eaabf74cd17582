using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>
/// Aggregates the downloaded results document into MatchupResults and ModelScores (batched upserts), writes every vote
/// to the run's votes.parquet and records the totals on the run. Upserts make it safe to run twice. The report is a separate, best-effort step.
/// </summary>
public sealed class WriteResultsActivity(StorageConnection storage, ResultsCollector collector, VotesExportStore votes, RunLedger ledger)
    : TaskActivity<WriteResultsInput, ResultsSummary>
{
    public override async Task<ResultsSummary> RunAsync(TaskActivityContext context, WriteResultsInput input)
    {
        var collected = await collector.CollectAsync(input);
        var analysis = collected.Analysis;
        await votes.WriteAsync(input, collected.KnownMatchups);

        var matchupTable = storage.Tables.GetTableClient(TableNames.MatchupResults);
        await TableBatchWriter.UpsertAsync(matchupTable, analysis.Matchups.Select(m => ResultRows.ToEntity(input.RunId, m)));
        var modelTable = storage.Tables.GetTableClient(TableNames.ModelScores);
        await TableBatchWriter.UpsertAsync(modelTable, analysis.Models.Select(m => ResultRows.ToEntity(input.RunId, m)));

        var totalVotes = analysis.Matchups.Sum(m => m.TotalVotes);
        var leaders = RunLeaders.Of(analysis);
        await ledger.RecordResultsAsync(input.RunId, totalVotes, leaders.Winner, analysis.Models.Select(m => m.Model), leaders.Leaders);
        return new ResultsSummary(analysis.Matchups.Count, totalVotes, leaders.Winner, leaders.Leaders);
    }
}

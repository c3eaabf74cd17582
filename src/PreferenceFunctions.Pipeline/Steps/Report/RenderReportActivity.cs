using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Rounds;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>
/// Renders the run's HTML report from its stored results, after the results are in the tables. Best effort: a failure
/// is recorded on the run (ReportError) and returned as null, never thrown, so the report can never fail a run.
/// </summary>
public sealed class RenderReportActivity(ResultsCollector collector, VotesExportStore votes, RunReportWriter reports, RunLedger ledger,
    RoundStore rounds)
    : TaskActivity<WriteResultsInput, string?>
{
    public override async Task<string?> RunAsync(TaskActivityContext context, WriteResultsInput input)
    {
        try
        {
            var collected = await collector.CollectAsync(input);
            var run = await ledger.GetAsync(input.RunId);
            // The report shows the run's own copy of the images (made at staging), not whatever the dataset folder holds now.
            var (imagesContainer, imagesFolder) = collected.StagedImagesFolder is { } staged
                ? (input.RunsContainer, staged)
                : (run?.DatasetsContainer ?? "", run?.DatasetFolder ?? "");
            var analysis = collected.Analysis with { Breakdown = await votes.ReadBreakdownAsync(input.RunsContainer, input.RunId) };
            var reportBlob = await reports.WriteAsync(input.RunId, run?.OrderName ?? input.RunId, analysis,
                imagesContainer, imagesFolder, collected.ImagesByPath,
                await rounds.ReadAsync<RoundsLog>(input.RunsContainer, RoundBlobs.Log(input.RunId)));
            await ledger.RecordReportAsync(input.RunId, reportBlob);
            return reportBlob;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ledger.RecordReportFailedAsync(input.RunId, $"{e.GetType().Name}: {e.Message}");
            return null;
        }
    }
}

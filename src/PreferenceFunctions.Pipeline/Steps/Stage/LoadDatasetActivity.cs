using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>
/// Reads and validates the dataset and stages its manifest under the run (the user's folder is only read).
/// Staging writes the same blobs when repeated, so the activity is safe to run twice.
/// </summary>
public sealed class LoadDatasetActivity(DatasetStager stager, RunLedger ledger) : TaskActivity<StageDatasetRequest, StagedDataset>
{
    public override async Task<StagedDataset> RunAsync(TaskActivityContext context, StageDatasetRequest request)
    {
        var staged = await stager.StageAsync(request, CancellationToken.None);
        await ledger.RecordDatasetAsync(request.RunId, new RunDataset
        {
            MatchupCount = staged.MatchupCount,
            ImageCount = staged.ImageCount,
            ChunkCount = staged.ChunkBlobNames.Count,
            Models = staged.Models,
            ValidationBlob = staged.ReportBlobName,
            Criteria = staged.Settings.Criteria,
            ResponsesPerMatchup = staged.Settings.ResponsesPerMatchup,
            Leaderboard = staged.Settings.Leaderboard,
            Errors = staged.Accepted || staged.SameAsRun is not null ? null : string.Join(" | ", staged.FirstErrors),
            SameAsRun = staged.SameAsRun,
        });
        return staged;
    }
}

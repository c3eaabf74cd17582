using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>
/// Reads and validates the dataset and stages its manifest under the run (the user's folder is only read).
/// Staging writes the same blobs when repeated, so the activity is safe to run twice.
/// </summary>
public sealed class LoadDatasetActivity(DatasetStager stager, RunStore runs) : TaskActivity<StageDatasetRequest, StagedDataset>
{
    public override async Task<StagedDataset> RunAsync(TaskActivityContext context, StageDatasetRequest request)
    {
        var staged = await stager.StageAsync(request, CancellationToken.None);
        await runs.MergeAsync(request.RunId, new Dictionary<string, object?>
        {
            [nameof(PreferenceRunEntity.MatchupCount)] = staged.MatchupCount,
            [nameof(PreferenceRunEntity.ImageCount)] = staged.ImageCount,
            [nameof(PreferenceRunEntity.ChunkCount)] = staged.ChunkBlobNames.Count,
            [nameof(PreferenceRunEntity.Models)] = string.Join(", ", staged.Models),
            [nameof(PreferenceRunEntity.ValidationBlob)] = staged.ReportBlobName,
            [nameof(PreferenceRunEntity.Criteria)] = staged.Settings.Criteria,
            [nameof(PreferenceRunEntity.ResponsesPerMatchup)] = staged.Settings.ResponsesPerMatchup,
            [nameof(PreferenceRunEntity.Error)] = staged.Accepted ? null : string.Join(" | ", staged.FirstErrors),
        });
        return staged;
    }
}

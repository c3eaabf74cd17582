using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Datasets;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Storage;

namespace PreferenceFunctions.Pipeline.Activities;

/// <summary>
/// Reads and validates the dataset and stages its manifest under the run (the user's folder is only read).
/// Staging writes the same blobs when repeated, so the activity is safe to run twice.
/// </summary>
public sealed class LoadDatasetActivity(DatasetStager stager, RunStore runs) : TaskActivity<RunRequest, StagedDataset>
{
    public override async Task<StagedDataset> RunAsync(TaskActivityContext context, RunRequest run)
    {
        var staged = await stager.StageAsync(new StageDatasetRequest(
            run.DatasetsContainer, run.DatasetFolder, run.RunId, run.RunsContainer, run.Overrides), CancellationToken.None);
        await runs.MergeAsync(run.RunId, new Dictionary<string, object?>
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

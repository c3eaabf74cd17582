using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>
/// Picks the round's matchups (<see cref="RoundPlanner"/>) from the merged votes so far and writes them as the round's
/// upload chunk (<see cref="RoundBlobs.Plan"/>), the same staged matchups and images as the first order. Safe to run
/// twice: a plan already written is returned as it is.
/// </summary>
public sealed class PlanRoundActivity(ResultsCollector collector, ManifestStore manifests, RoundStore rounds)
    : TaskActivity<PlanRoundInput, RoundPlan>
{
    public override async Task<RoundPlan> RunAsync(TaskActivityContext context, PlanRoundInput input)
    {
        var blobName = RoundBlobs.Plan(input.RunId, input.Round);
        if (await rounds.ExistsAsync(input.RunsContainer, blobName))
            return Planned(input, blobName, (await manifests.ReadChunkAsync(input.RunsContainer, blobName)).Matchups.Count);

        var collected = await collector.CollectAsync(new WriteResultsInput(input.RunId, input.RunsContainer, input.ResultsBlobName,
            input.ChunkBlobNames));
        var picked = RoundPlanner.Pick(collected.Analysis, input.Adaptive, input.VotesLeft, input.Round);
        if (picked.Count == 0)
        {
            var why = input.VotesLeft < input.Adaptive.ExtraResponses ? RoundOutcome.BudgetSpent : RoundOutcome.NothingUncertain;
            return new RoundPlan(input.Round, null, 0, 0, why);
        }

        var staged = new Dictionary<string, ManifestMatchup>(StringComparer.Ordinal);
        foreach (var chunkBlob in input.ChunkBlobNames)
            foreach (var matchup in (await manifests.ReadChunkAsync(input.RunsContainer, chunkBlob)).Matchups)
                staged[matchup.MatchupId] = matchup;
        var chunk = new ManifestChunk(0, picked.Select((id, index) => staged[id] with { SortIndex = index }).ToList());
        await manifests.WriteJsonAsync(input.RunsContainer, blobName, chunk, indented: false);
        return Planned(input, blobName, chunk.Matchups.Count);
    }

    private static RoundPlan Planned(PlanRoundInput input, string blobName, int matchups) =>
        new(input.Round, blobName, matchups, matchups * input.Adaptive.ExtraResponses, null);
}

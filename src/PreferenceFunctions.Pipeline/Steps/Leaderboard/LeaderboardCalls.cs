using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Steps.Collect;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>Typed calls of the Leaderboard step's activities, for orchestrators.</summary>
internal static class LeaderboardCalls
{
    /// <returns>The leaderboard the run was added to, or null when it names none or could not be added (recorded on the run).</returns>
    public static Task<string?> CallAddToLeaderboardAsync(this TaskOrchestrationContext context, WriteResultsInput input, TaskOptions options) =>
        context.CallActivityAsync<string?>(nameof(AddToLeaderboardActivity), input, options);
}

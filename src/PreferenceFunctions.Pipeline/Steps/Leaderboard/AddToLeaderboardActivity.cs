using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Collect;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>
/// Adds a completed run's per-matchup votes (its <c>MatchupResults</c> rows) to the leaderboard its order.json names,
/// refits it and announces the change. Safe to run twice (a run counts once). Best effort like the report: a failure
/// is recorded on the run (LeaderboardError) and returned as null, never thrown, so it can never fail a run.
/// </summary>
public sealed class AddToLeaderboardActivity(RunLedger ledger, StorageConnection storage, LeaderboardUpdater leaderboards)
    : TaskActivity<WriteResultsInput, string?>
{
    public override async Task<string?> RunAsync(TaskActivityContext context, WriteResultsInput input)
    {
        var run = await ledger.GetAsync(input.RunId);
        if (run?.Leaderboard is not { } name) return null;
        try
        {
            var rows = storage.Tables.GetTableClient(TableNames.MatchupResults)
                .QueryAsync<MatchupResultEntity>(e => e.PartitionKey == input.RunId, maxPerPage: 1000);
            var matchups = new List<Analysis.MatchupResult>();
            await foreach (var row in rows) matchups.Add(ResultRows.FromEntity(row));
            var update = await leaderboards.AddRunAsync(name, input.RunId, LeaderboardPair.FromMatchups(matchups));
            if (update.EventFailures.Count > 0)
                await ledger.RecordNotificationFailuresAsync(input.RunId,
                    string.Join("; ", update.EventFailures.Select(f => $"preference.leaderboard.updated -> {f.Sink}: {f.Message}")));
            await ledger.RecordLeaderboardAsync(input.RunId, error: null);
            return name;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await ledger.RecordLeaderboardAsync(input.RunId, $"{e.GetType().Name}: {e.Message}");
            return null;
        }
    }
}

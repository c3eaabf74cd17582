using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Notify;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>
/// Adds runs to and removes runs from leaderboards, and announces every change as a
/// <c>preference.leaderboard.updated</c> CloudEvent on the configured sinks (queue, Event Grid, webhook).
/// </summary>
public sealed class LeaderboardUpdater(
    LeaderboardStore store,
    RunEventPublisher publisher,
    IOptions<NotificationOptions> notifications,
    IOptions<PreferenceOptions> options,
    TimeProvider time)
{
    public async Task<LeaderboardUpdate> AddRunAsync(string name, string runId, IReadOnlyList<LeaderboardPair> pairs,
        CancellationToken cancellationToken = default) =>
        await AnnounceAsync(await store.AddRunAsync(name, runId, pairs, time.GetUtcNow(), cancellationToken), cancellationToken);

    public async Task<LeaderboardUpdate> RemoveRunAsync(string name, string runId, CancellationToken cancellationToken = default) =>
        await AnnounceAsync(await store.RemoveRunAsync(name, runId, time.GetUtcNow(), cancellationToken), cancellationToken);

    private async Task<LeaderboardUpdate> AnnounceAsync(LeaderboardChange? change, CancellationToken cancellationToken)
    {
        if (change?.Board is not { } board) return new LeaderboardUpdate(change, []);
        var link = options.Value.PublicBaseUrl is { } baseUrl ? new Uri(baseUrl, $"api/leaderboards/{board.Name}").ToString() : null;
        var data = new LeaderboardEventData(board.Name, change.Kind == LeaderboardChangeKind.RunAdded ? "runAdded" : "runRemoved",
            change.RunId, board.Version, board.Runs.Count, board.Votes, board.Updated,
            [.. board.Models.Select(m => new LeaderboardEventModel(m.Model, m.Rank, m.Score, m.ScoreLow, m.ScoreHigh))], link);
        var envelope = LeaderboardEventEncoder.Encode(data, board.Updated, notifications.Value.Source);
        return new LeaderboardUpdate(change, await publisher.PublishAsync(envelope, runWebhook: null, cancellationToken));
    }
}

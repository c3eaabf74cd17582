using PreferenceFunctions.Pipeline.Steps.Notify;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>What adding or removing a run did: the change (null when there was none) and the event sinks that failed.</summary>
public sealed record LeaderboardUpdate(LeaderboardChange? Change, IReadOnlyList<SinkFailure> EventFailures);

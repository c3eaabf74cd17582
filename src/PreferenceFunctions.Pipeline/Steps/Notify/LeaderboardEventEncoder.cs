namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Encodes a leaderboard change as a CloudEvents 1.0 JSON envelope like <see cref="RunEventEncoder"/>: type
/// <c>preference.leaderboard.updated</c>, subject <c>leaderboards/{name}</c>, id <c>leaderboard:{name}:{version}</c>
/// (a redelivery carries the same id); the envelope's run id is the run that changed it.
/// </summary>
public static class LeaderboardEventEncoder
{
    public static RunEventEnvelope Encode(LeaderboardEventData data, DateTimeOffset time, string source)
    {
        ArgumentNullException.ThrowIfNull(data);
        return RunEventEncoder.Envelope($"leaderboard:{data.Leaderboard}:{data.Version}", RunEventTypes.LeaderboardUpdated,
            $"leaderboards/{data.Leaderboard}", time, data, source, data.RunId);
    }
}

using System.Text.Json;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>
/// Time per phase, kept on the run's row from the orchestrator's checkpoints (orchestration time, so a replayed or
/// repeated checkpoint changes nothing): entering a new phase adds the time since <see cref="PreferenceRunEntity.PhaseStartedAt"/>
/// to the phase left.
/// </summary>
public static class PhaseTimings
{
    /// <summary>Called as the row's phase becomes <see cref="PreferenceRunEntity.Phase"/> at <paramref name="at"/>.</summary>
    internal static void Enter(PreferenceRunEntity row, RunPhase? left, DateTimeOffset at)
    {
        if (left == row.Phase && row.PhaseStartedAt is not null) return;
        if (left is { } ended && ended.StatusOf().IsTerminal()) return; // the end of a run is kept as first written
        if (left is { } phase && row.PhaseStartedAt is { } since && at >= since)
        {
            var seconds = Read(row);
            seconds[phase.ToString()] = Math.Round(seconds.GetValueOrDefault(phase.ToString()) + (at - since).TotalSeconds, 3);
            row.PhaseSeconds = JsonSerializer.Serialize(seconds);
        }
        row.PhaseStartedAt = at;
    }

    /// <summary>Seconds per phase left so far, plus the current phase up to <paramref name="now"/> while the run is not over.</summary>
    public static IReadOnlyDictionary<string, double> Of(PreferenceRunEntity row, DateTimeOffset now)
    {
        var seconds = Read(row);
        if (row.Phase is { } phase && !phase.StatusOf().IsTerminal() && row.PhaseStartedAt is { } since && now >= since)
            seconds[phase.ToString()] = Math.Round(seconds.GetValueOrDefault(phase.ToString()) + (now - since).TotalSeconds, 3);
        return seconds;
    }

    private static Dictionary<string, double> Read(PreferenceRunEntity row) =>
        string.IsNullOrEmpty(row.PhaseSeconds) ? [] : JsonSerializer.Deserialize<Dictionary<string, double>>(row.PhaseSeconds) ?? [];
}

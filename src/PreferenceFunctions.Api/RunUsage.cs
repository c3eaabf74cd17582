using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Api;

/// <summary>
/// What a run cost and where its time went (<c>usage</c> in <c>GET /api/runs/{runId}</c>): votes ordered and received,
/// Rapidata calls and retries, seconds per phase (the current phase counted up to now), and the events in the run's
/// durable history (its current generation: a long wait continues as new, so this stays in the hundreds).
/// </summary>
public sealed record RunUsage(int? VotesOrdered, int? VotesReceived, long RapidataCalls, long RapidataRetries,
    IReadOnlyDictionary<string, double> PhaseSeconds, int? HistoryEvents = null)
{
    public static RunUsage Of(PreferenceRunEntity run, DateTimeOffset now) => new(run.VotesOrdered, run.TotalVotes,
        run.RapidataCalls ?? 0, run.RapidataRetries ?? 0, PhaseTimings.Of(run, now));
}

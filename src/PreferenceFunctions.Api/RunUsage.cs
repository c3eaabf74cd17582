using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Api;

/// <summary>
/// What a run cost and where its time went (<c>usage</c> in <c>GET /api/runs/{runId}</c>): votes ordered and received,
/// Rapidata calls and retries, and seconds per phase (the current phase counted up to now).
/// </summary>
public sealed record RunUsage(int? VotesOrdered, int? VotesReceived, long RapidataCalls, long RapidataRetries,
    IReadOnlyDictionary<string, double> PhaseSeconds)
{
    public static RunUsage Of(PreferenceRunEntity run, DateTimeOffset now) => new(run.VotesOrdered, run.TotalVotes,
        run.RapidataCalls ?? 0, run.RapidataRetries ?? 0, PhaseTimings.Of(run, now));
}

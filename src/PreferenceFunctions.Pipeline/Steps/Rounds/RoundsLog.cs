namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>A run's rounds so far and, once they are over, what stopped them; stored as <c>{runId}/rounds.json</c>.</summary>
public sealed record RoundsLog(string RunId, IReadOnlyList<RoundResult> Rounds, string? StoppedBecause)
{
    public int ExtraVotes => Rounds.Where(r => r.Round > 1).Sum(r => r.Votes);

    /// <summary>One line for the run's row and status, e.g. "round 1: 40 matchups, 600 votes; round 2: 12 matchups, 120 votes".</summary>
    public string Summary()
    {
        var rounds = string.Join("; ", Rounds.Select(r => r.Outcome == RoundOutcome.Collected
            ? $"round {r.Round}: {r.Matchups} matchups, {r.Votes} votes"
            : $"round {r.Round}: {r.Message ?? r.Outcome.ToString()}"));
        return StoppedBecause is null ? rounds : $"{rounds}; stopped: {StoppedBecause}";
    }
}

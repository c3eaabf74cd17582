namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>One round as the run records it (rounds.json, the run's row, the report). Round 1 is the run's own order.</summary>
/// <param name="Matchups">Matchups topped up (round 1: all of them).</param>
/// <param name="Votes">Votes ordered in the round (round 1: matchups x responsesPerMatchup).</param>
public sealed record RoundResult(int Round, RoundOutcome Outcome, int Matchups, int Votes, string? OrderId, string? Message);

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>What a resume or reaggregate did: <see cref="Message"/> says why when it was refused.</summary>
public sealed record RunPickup(RunPickupOutcome Outcome, string RunId, string Message);

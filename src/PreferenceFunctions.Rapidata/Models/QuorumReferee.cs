namespace PreferenceFunctions.Rapidata.Models;

/// <summary>Stops a pair once one side has <paramref name="Threshold"/> votes, or at <paramref name="MaxVotes"/>.</summary>
public sealed record QuorumReferee(int MaxVotes, int Threshold) : Referee;

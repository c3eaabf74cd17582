namespace PreferenceFunctions.Rapidata.Models;

/// <summary>Stops a pair once the winner is known with <paramref name="Threshold"/> confidence (e.g. 0.999), or at <paramref name="MaxVotes"/>.</summary>
public sealed record EarlyStoppingReferee(int MaxVotes, double Threshold) : Referee;

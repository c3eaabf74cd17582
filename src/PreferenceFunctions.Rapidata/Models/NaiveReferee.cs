namespace PreferenceFunctions.Rapidata.Models;

/// <summary>Collects exactly <paramref name="TotalVotes"/> votes per pair.</summary>
public sealed record NaiveReferee(int TotalVotes) : Referee;

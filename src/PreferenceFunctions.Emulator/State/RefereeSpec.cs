namespace PreferenceFunctions.Emulator.State;

/// <summary>How many votes a datapoint gets: Naive (fixed), Quorum (one side reaches a count) or EarlyStopping (confidence).</summary>
internal sealed record RefereeSpec(string Kind, int MaxVotes, double Threshold)
{
    public const string Naive = "NaiveReferee";
    public const string Quorum = "QuorumReferee";
    public const string EarlyStopping = "EarlyStoppingReferee";
}

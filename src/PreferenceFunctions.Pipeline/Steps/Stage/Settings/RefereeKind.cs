namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>How Rapidata decides a matchup has enough votes (rapidata-api.md §2 "referee").</summary>
public enum RefereeKind
{
    /// <summary><c>NaiveReferee{totalVotes}</c>: always collect every response.</summary>
    Naive,

    /// <summary><c>QuorumReferee{threshold, maxVotes}</c>: stop once one side has <c>threshold</c> votes.</summary>
    Quorum,

    /// <summary><c>EarlyStoppingReferee{threshold, maxVotes}</c>: stop once confident (threshold 0..1).</summary>
    EarlyStopping,
}

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>How a resume or reaggregate request ended.</summary>
public enum RunPickupOutcome
{
    /// <summary>Started now.</summary>
    Started,

    /// <summary>Already going (an earlier request, or the run never stopped): nothing new was started.</summary>
    AlreadyRunning,

    /// <summary>No such run.</summary>
    NotFound,

    /// <summary>The run is not in a state this applies to; the message says what to do instead.</summary>
    Refused,
}

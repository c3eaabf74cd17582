namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>Why <see cref="CrowdWaiter"/> returned.</summary>
internal enum CrowdWaitOutcome
{
    /// <summary>The order ended (Completed, Failed or Cancelled by Rapidata).</summary>
    OrderEnded,

    /// <summary>The run's deadline passed while the order was still going.</summary>
    DeadlinePassed,

    /// <summary>The user cancelled the run.</summary>
    Cancelled,

    /// <summary>This generation polled its share: the run continues as new to keep its history short.</summary>
    ContinueAsNew,
}

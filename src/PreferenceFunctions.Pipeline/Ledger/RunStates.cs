namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>How phases map to statuses, and which statuses are final.</summary>
public static class RunStates
{
    /// <summary>Completed, Failed, Rejected and Cancelled: the run has ended and its row's status never changes again.</summary>
    public static bool IsTerminal(this RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Failed or RunStatus.Rejected or RunStatus.Cancelled;

    /// <summary>The status a run has while in <paramref name="phase"/>: the terminal phases are their own status.</summary>
    public static RunStatus StatusOf(this RunPhase phase) => phase switch
    {
        RunPhase.Pending => RunStatus.Pending,
        RunPhase.Completed => RunStatus.Completed,
        RunPhase.Failed => RunStatus.Failed,
        RunPhase.Rejected => RunStatus.Rejected,
        RunPhase.Cancelled => RunStatus.Cancelled,
        _ => RunStatus.Running,
    };
}

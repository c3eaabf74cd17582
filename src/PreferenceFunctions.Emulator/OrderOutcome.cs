namespace PreferenceFunctions.Emulator;

/// <summary>What the emulator does with a submitted order after its review.</summary>
public enum OrderOutcome
{
    /// <summary>Approved automatically; the crowd collects votes and the order completes.</summary>
    Complete,

    /// <summary>Held in ManualReview until POST /order/{id}/approve or the admin complete call.</summary>
    ManualReview,

    /// <summary>Fails with <see cref="FaultOptions.FailureMessage"/>.</summary>
    Failed,

    /// <summary>Jobs only: held in SpendLimited (out of funds) until POST /job/{id}/resume; orders complete as usual.</summary>
    SpendLimited,
}

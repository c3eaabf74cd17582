namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>What <see cref="CrowdWaiter"/> watches: the run's order, until the deadline (orchestration time), with polls
/// starting at <see cref="CrowdWaitState.NextInterval"/> and doubling up to <see cref="MaxInterval"/>.</summary>
internal sealed record CrowdWait
{
    public required string RunId { get; init; }
    public required SubmittedOrder Order { get; init; }
    public required CrowdWaitState State { get; init; }
    public required TimeSpan MaxInterval { get; init; }
}

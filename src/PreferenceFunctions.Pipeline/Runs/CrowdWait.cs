namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>What <see cref="CrowdWaiter"/> watches: the run's order, until the deadline (orchestration time), with polls
/// starting at <see cref="Interval"/> and doubling up to <see cref="MaxInterval"/>.</summary>
internal sealed record CrowdWait
{
    public required string RunId { get; init; }
    public required string OrderId { get; init; }
    public required int Matchups { get; init; }
    public required DateTime Deadline { get; init; }
    public required TimeSpan Interval { get; init; }
    public required TimeSpan MaxInterval { get; init; }
}

using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// The state of <see cref="CrowdWaiter"/>: the order to watch, the deadline (orchestration time), the next poll
/// interval, and what was last recorded (so only changes are written).
/// </summary>
public sealed record CrowdWait
{
    public required string RunId { get; init; }
    public required string OrderId { get; init; }
    public required int Matchups { get; init; }
    public required DateTime Deadline { get; init; }
    public required TimeSpan Interval { get; init; }
    public required TimeSpan MaxInterval { get; init; }
    public OrderState? LastState { get; init; }
    public string? LastMessage { get; init; }

    /// <summary>Status checks made so far.</summary>
    public int Polls { get; init; }
}

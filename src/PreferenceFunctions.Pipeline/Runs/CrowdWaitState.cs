using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Where the wait for the crowd stands: the next poll interval, what was last recorded (only changes are written),
/// how often results were found stale, and how many generations (ContinueAsNew) the wait has had. Crosses ContinueAsNew.
/// </summary>
public sealed record CrowdWaitState(TimeSpan NextInterval, OrderState? LastState, string? LastMessage, int StaleDownloads,
    int Generation)
{
    public static CrowdWaitState Start(TimeSpan interval) => new(interval, null, null, 0, 0);
}

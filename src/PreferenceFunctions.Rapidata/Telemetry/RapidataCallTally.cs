namespace PreferenceFunctions.Rapidata.Telemetry;

/// <summary>
/// Counts the Rapidata calls made inside one unit of work (a pipeline activity), so a run's row can say how many calls
/// and retries it cost. <see cref="Begin"/> starts counting for the current async flow; calls on tasks started from it are
/// counted too.
/// </summary>
public sealed class RapidataCallTally : IDisposable
{
    private static readonly AsyncLocal<RapidataCallTally?> CurrentTally = new();
    private readonly RapidataCallTally? _outer;
    private long _calls;
    private long _retries;

    private RapidataCallTally(RapidataCallTally? outer) => _outer = outer;

    internal static RapidataCallTally? Current => CurrentTally.Value;

    /// <summary>Every HTTP attempt to Rapidata (token requests and retries included).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>The attempts that were retries.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public static RapidataCallTally Begin() => CurrentTally.Value = new RapidataCallTally(CurrentTally.Value);

    internal void Count(bool retry)
    {
        Interlocked.Increment(ref _calls);
        if (retry) Interlocked.Increment(ref _retries);
    }

    public void Dispose() => CurrentTally.Value = _outer;
}

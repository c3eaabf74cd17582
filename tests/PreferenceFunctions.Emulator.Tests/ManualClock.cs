namespace PreferenceFunctions.Emulator.Tests;

/// <summary>A clock that moves only when the test says so, for deterministic outage windows and vote progress.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long utcTicks = start.UtcTicks;

    public ManualClock()
        : this(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);
}

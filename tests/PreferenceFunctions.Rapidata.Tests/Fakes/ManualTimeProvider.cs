namespace PreferenceFunctions.Rapidata.Tests.Fakes;

/// <summary>A clock the test moves by hand; timers stay real, so retry delays are unaffected.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

using System.Runtime.CompilerServices;

namespace PreferenceFunctions.Emulator.Faults;

/// <summary>Changes the fault settings at run time (admin API and <see cref="RapidataEmulatorHost"/>) and finds the outage
/// window a request falls in. Changes are validated, and a window's "starts in" offset becomes an absolute start on the
/// emulator's clock when it is set. <see cref="EmulatorOptions.Faults"/> is replaced, never mutated, so readers need no lock.</summary>
internal sealed class FaultControl(EmulatorOptions options, TimeProvider clock)
{
    private readonly Lock gate = new();

    // Windows still holding a relative start (FaultOptions assigned straight to EmulatorOptions.Faults) count it from the
    // moment the emulator first saw that FaultOptions.
    private readonly ConditionalWeakTable<FaultOptions, StrongBox<DateTimeOffset>> firstSeen = new();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Validates and installs <paramref name="faults"/> (relative starts counted from now); returns what was
    /// installed, or null and the errors.</summary>
    public (FaultOptions? Installed, Dictionary<string, string[]> Errors) Replace(FaultOptions faults)
    {
        // A JSON body may send null lists; they mean none.
        faults.Rules ??= [];
        faults.Outages ??= [];
        var errors = EmulatorOptionsValidator.Validate(new EmulatorOptions { Faults = faults });
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        lock (gate)
        {
            options.Faults = Resolved(faults, Now);
            return (options.Faults, errors);
        }
    }

    /// <summary>Validates <paramref name="window"/> and adds it to the current windows; returns it with its absolute start.</summary>
    public (OutageWindow? Added, Dictionary<string, string[]> Errors) AddOutage(OutageWindow window)
    {
        var errors = EmulatorOptionsValidator.ValidateOutage(window, "Outage");
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        lock (gate)
        {
            var now = Now;
            var current = Resolved(options.Faults, Anchor(options.Faults, now));
            var added = window.ResolvedFrom(now);
            options.Faults = current.WithOutages([.. current.Outages, added]);
            return (added, errors);
        }
    }

    /// <summary>Back to normal service: no rules, no outages, orders complete (the defaults of <see cref="FaultOptions"/>).</summary>
    public void Clear()
    {
        lock (gate)
        {
            options.Faults = new FaultOptions();
        }
    }

    /// <summary>On start: windows configured with a relative start count it from now.</summary>
    public void ResolveAtStart()
    {
        lock (gate)
        {
            options.Faults = Resolved(options.Faults, Now);
        }
    }

    /// <summary>The outage window <paramref name="context"/> falls in now, if any (the first matching one).</summary>
    public OutageWindow? ActiveOutage(FaultOptions faults, HttpContext context)
    {
        var outages = faults.Outages;
        if (outages.Count == 0)
        {
            return null;
        }

        var now = Now;
        foreach (var window in outages)
        {
            var start = window.StartsAt ?? Anchor(faults, now) + (window.StartsIn ?? TimeSpan.Zero);
            if (now >= start && now < start + window.Duration && EndpointSelector.Matches(window.Endpoint, context))
            {
                return window;
            }
        }

        return null;
    }

    private DateTimeOffset Anchor(FaultOptions faults, DateTimeOffset now) =>
        firstSeen.GetValue(faults, _ => new StrongBox<DateTimeOffset>(now)).Value;

    private static FaultOptions Resolved(FaultOptions faults, DateTimeOffset anchor) =>
        faults.Outages.TrueForAll(w => w.IsResolved) ? faults : faults.WithOutages([.. faults.Outages.Select(w => w.ResolvedFrom(anchor))]);
}

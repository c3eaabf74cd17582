namespace PreferenceFunctions.Emulator;

/// <summary>Faults the emulator injects; set at start (configuration) or at run time (admin API, <see cref="RapidataEmulatorHost"/>
/// methods, or by replacing <see cref="EmulatorOptions.Faults"/>).</summary>
public sealed class FaultOptions
{
    /// <summary>Per-endpoint error rates and latency; the first rule whose endpoint matches a request applies.</summary>
    public List<EndpointFault> Rules { get; set; } = [];

    /// <summary>Time-boxed outages; while one matching a request is on, it answers before any rule is consulted.</summary>
    public List<OutageWindow> Outages { get; set; } = [];

    /// <summary>What happens to a submitted order after its review.</summary>
    public OrderOutcome Outcome { get; set; } = OrderOutcome.Complete;

    /// <summary>The failureMessage of orders that fail.</summary>
    public string FailureMessage { get; set; } = "Simulated failure injected by the Rapidata emulator.";

    /// <summary>When true, the first download-results of each completed order turns it StaleResults (until POST retry).</summary>
    public bool StaleResultsOnFirstDownload { get; set; }

    /// <summary>Seed of the fault dice, so error sequences repeat.</summary>
    public int Seed { get; set; } = 7;

    /// <summary>A copy with <paramref name="outages"/> instead of this one's (the rules list is shared).</summary>
    internal FaultOptions WithOutages(List<OutageWindow> outages) => new()
    {
        Rules = Rules,
        Outages = outages,
        Outcome = Outcome,
        FailureMessage = FailureMessage,
        StaleResultsOnFirstDownload = StaleResultsOnFirstDownload,
        Seed = Seed,
    };
}

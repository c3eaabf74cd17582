namespace PreferenceFunctions.Emulator;

/// <summary>Faults the emulator injects; set at start (configuration) or at run time (admin API, <see cref="RapidataEmulatorHost.Options"/>).</summary>
public sealed class FaultOptions
{
    /// <summary>Per-endpoint error rates and latency; the first rule whose endpoint matches a request applies.</summary>
    public List<EndpointFault> Rules { get; set; } = [];

    /// <summary>What happens to a submitted order after its review.</summary>
    public OrderOutcome Outcome { get; set; } = OrderOutcome.Complete;

    /// <summary>The failureMessage of orders that fail.</summary>
    public string FailureMessage { get; set; } = "Simulated failure injected by the Rapidata emulator.";

    /// <summary>When true, the first download-results of each completed order turns it StaleResults (until POST retry).</summary>
    public bool StaleResultsOnFirstDownload { get; set; }

    /// <summary>Seed of the fault dice, so error sequences repeat.</summary>
    public int Seed { get; set; } = 7;
}

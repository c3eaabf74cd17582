namespace PreferenceFunctions.Emulator;

/// <summary>Settings of the Rapidata emulator, bound from the configuration section "Emulator".</summary>
/// <remarks>The instance is shared by the running app, so tests and the admin API can change it at run time.</remarks>
public sealed class EmulatorOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Emulator";

    /// <summary>The accepted OAuth client id (a well-known development credential, like Azurite's account key).</summary>
    public string ClientId { get; set; } = "rapidata-emulator";

    /// <summary>The accepted OAuth client secret.</summary>
    public string ClientSecret { get; set; } = "rapidata-emulator-secret";

    /// <summary>Lifetime of issued access tokens.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>How the simulated crowd votes.</summary>
    public CrowdOptions Crowd { get; set; } = new();

    /// <summary>Injected faults; replace the object at run time to change them.</summary>
    public FaultOptions Faults { get; set; } = new();

    /// <summary>When set, state is saved to this folder and loaded again on start.</summary>
    public string? PersistenceFolder { get; set; }

    /// <summary>How many received requests the admin API keeps (oldest dropped first).</summary>
    public int RequestLogCapacity { get; set; } = 10_000;

    /// <summary>The customer e-mail reported on orders.</summary>
    public string CustomerMail { get; set; } = "emulator@rapidata.local";
}

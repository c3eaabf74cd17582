using PreferenceFunctions.Emulator;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Local.Hosting;

/// <summary>
/// Which Rapidata the local host talks to: the one configured in <c>Rapidata:ApiBaseUrl</c> (the real API, or an emulator
/// elsewhere), or else an in-process emulator (settings from the <c>Emulator</c> section) started for the host's lifetime.
/// </summary>
public sealed class RapidataEndpoint : IAsyncDisposable
{
    private RapidataEndpoint(RapidataEmulatorHost? emulator, IReadOnlyDictionary<string, string?> settings)
    {
        Emulator = emulator;
        Settings = settings;
    }

    /// <summary>The in-process emulator, when one was started.</summary>
    public RapidataEmulatorHost? Emulator { get; }

    /// <summary>Settings to lay over the host's configuration (empty when Rapidata is configured).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string Description => Emulator is null ? "configured (Rapidata:ApiBaseUrl)" : $"in-process emulator at {Emulator.BaseUrl}";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{RapidataClientOptions.SectionName}:{nameof(RapidataClientOptions.ApiBaseUrl)}"]);

    public static async Task<RapidataEndpoint> ResolveAsync(IConfiguration configuration, EmulatorOptions? emulatorOptions = null,
        CancellationToken cancellationToken = default)
    {
        if (IsConfigured(configuration)) return new RapidataEndpoint(null, new Dictionary<string, string?>());
        // The emulator host reads its logging levels from environment variables only: keep its request logs out of the CLI output.
        if (Environment.GetEnvironmentVariable("Logging__LogLevel__Default") is null)
            Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var options = emulatorOptions ?? configuration.GetSection(EmulatorOptions.SectionName).Get<EmulatorOptions>() ?? new EmulatorOptions();
        var emulator = await RapidataEmulatorHost.StartAsync(options, ct: cancellationToken);
        var section = RapidataClientOptions.SectionName;
        return new RapidataEndpoint(emulator, new Dictionary<string, string?>
        {
            [$"{section}:{nameof(RapidataClientOptions.ApiBaseUrl)}"] = emulator.BaseUrl.ToString(),
            [$"{section}:{nameof(RapidataClientOptions.AuthBaseUrl)}"] = emulator.BaseUrl.ToString(),
            [$"{section}:{nameof(RapidataClientOptions.ClientId)}"] = emulator.ClientId,
            [$"{section}:{nameof(RapidataClientOptions.ClientSecret)}"] = emulator.ClientSecret,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Emulator is not null) await Emulator.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PreferenceFunctions.Cli;
using PreferenceFunctions.Emulator;
using PreferenceFunctions.Local.Client;

namespace PreferenceFunctions.Local.Hosting;

/// <summary>
/// The local host started inside this process on a free port of 127.0.0.1, with its Rapidata (configured, or an
/// in-process emulator): what the demo and the benchmark drive like a user would.
/// </summary>
public sealed class InProcessLocalHost : IAsyncDisposable
{
    private readonly RapidataEndpoint _rapidata;

    private InProcessLocalHost(WebApplication app, RapidataEndpoint rapidata, Uri baseAddress)
    {
        App = app;
        _rapidata = rapidata;
        BaseAddress = baseAddress;
        Api = new LocalApiClient(new HttpClient { BaseAddress = baseAddress });
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress { get; }

    public LocalApiClient Api { get; }

    public string RapidataDescription => _rapidata.Description;

    /// <param name="settings">Settings laid over the configuration (defaults the caller wants unless the user set them).</param>
    public static async Task<InProcessLocalHost> StartAsync(IReadOnlyDictionary<string, string?> settings, EmulatorOptions? emulatorOptions,
        CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddConfiguration(LocalConfiguration.Load()).AddInMemoryCollection(settings).Build();
        var rapidata = await RapidataEndpoint.ResolveAsync(configuration, emulatorOptions, cancellationToken);
        var merged = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in rapidata.Settings) merged[key] = value;
        var app = LocalHostBuilder.Build("http://127.0.0.1:0", merged);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            await rapidata.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessLocalHost(app, rapidata, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await _rapidata.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PreferenceFunctions.Emulator.Admin;
using PreferenceFunctions.Emulator.Orders;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator;

/// <summary>The emulator running in-process on real Kestrel at http://127.0.0.1:&lt;port&gt;, for tests, benchmarks and the local host.</summary>
public sealed class RapidataEmulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private RapidataEmulatorHost(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The API root; the token endpoint is {BaseUrl}connect/token on the same host.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The live settings: change <see cref="EmulatorOptions.Faults"/>, <see cref="EmulatorOptions.Crowd"/> or the token lifetime at run time.</summary>
    public EmulatorOptions Options => app.Services.GetRequiredService<EmulatorOptions>();

    public string ClientId => Options.ClientId;

    public string ClientSecret => Options.ClientSecret;

    /// <summary>The requests received (method, path, status, body), as GET /_emulator/requests lists them.</summary>
    public RequestLog Requests => app.Services.GetRequiredService<RequestLog>();

    /// <summary>Starts the emulator; port 0 picks a free port.</summary>
    public static async Task<RapidataEmulatorHost> StartAsync(EmulatorOptions? options = null, int port = 0, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RapidataEmulatorHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

        // Per-request framework logs would swamp test output and cost throughput; configuration can still raise them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddRapidataEmulator(options ?? new EmulatorOptions());
        var app = builder.Build();
        app.MapRapidataEmulator();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RapidataEmulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Completes an order at once with all its votes (as POST /_emulator/orders/{orderId}/complete does).</summary>
    public void CompleteOrder(string orderId)
    {
        var state = app.Services.GetRequiredService<EmulatorState>();
        var order = state.Orders.GetValueOrDefault(orderId) ?? throw new KeyNotFoundException($"Order '{orderId}' does not exist.");
        if (app.Services.GetRequiredService<OrderCommands>().Complete(order) is { } error)
        {
            throw new InvalidOperationException(error);
        }
    }

    /// <summary>The order's current state (Created, Processing, Completed, ...), after applying elapsed time.</summary>
    public string GetOrderState(string orderId)
    {
        var state = app.Services.GetRequiredService<EmulatorState>();
        var order = state.Orders.GetValueOrDefault(orderId) ?? throw new KeyNotFoundException($"Order '{orderId}' does not exist.");
        return app.Services.GetRequiredService<OrderLifecycle>().Refresh(order).State;
    }

    /// <summary>Stops the server (saving state first when a persistence folder is set).</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

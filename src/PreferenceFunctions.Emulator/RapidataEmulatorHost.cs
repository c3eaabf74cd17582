using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PreferenceFunctions.Emulator.Admin;
using PreferenceFunctions.Emulator.Faults;
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

    /// <summary>The emulator's clock: order progress, outage windows and token lifetimes follow it.</summary>
    public TimeProvider Clock => app.Services.GetRequiredService<TimeProvider>();

    /// <summary>The outage windows set now (past, current and future), with absolute starts.</summary>
    public IReadOnlyList<OutageWindow> Outages => Options.Faults.Outages;

    /// <summary>Starts the emulator; port 0 picks a free port.</summary>
    /// <param name="clock">The emulator's clock (e.g. a test's fake TimeProvider); the system clock when null.</param>
    public static async Task<RapidataEmulatorHost> StartAsync(EmulatorOptions? options = null, int port = 0, TimeProvider? clock = null,
        CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(RapidataEmulatorHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");

        // Per-request framework logs would swamp test output and cost throughput; configuration can still raise them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddRapidataEmulator(options ?? new EmulatorOptions(), clock);
        var app = builder.Build();
        app.MapRapidataEmulator();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RapidataEmulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Completes an order (or a job) at once with all its votes (as POST /_emulator/orders/{orderId}/complete does).</summary>
    public void CompleteOrder(string orderId)
    {
        var state = app.Services.GetRequiredService<EmulatorState>();
        var order = state.FindOrder(orderId) ?? state.FindJob(orderId) ?? throw new KeyNotFoundException($"Order '{orderId}' does not exist or was deleted.");
        if (app.Services.GetRequiredService<OrderCommands>().Complete(order) is { } error)
        {
            throw new InvalidOperationException(error);
        }
    }

    /// <summary>The order's current state (Created, Processing, Completed, ...), after applying elapsed time; "Cancelled" for an
    /// order deleted through the API (which answers 404 for it).</summary>
    public string GetOrderState(string orderId)
    {
        var state = app.Services.GetRequiredService<EmulatorState>();
        var order = state.Orders.GetValueOrDefault(orderId) ?? throw new KeyNotFoundException($"Order '{orderId}' does not exist.");
        return app.Services.GetRequiredService<OrderLifecycle>().Refresh(order).State;
    }

    /// <summary>Adds an outage: from <paramref name="startsIn"/> after now (emulator clock) for <paramref name="duration"/>, requests
    /// matching <paramref name="endpoint"/> ("all", "GET /order/{orderId}", ...) get <paramref name="status"/> (429 or 5xx).</summary>
    /// <returns>The window as stored, with its absolute start.</returns>
    public OutageWindow AddOutage(string endpoint, TimeSpan startsIn, TimeSpan duration, int status = StatusCodes.Status503ServiceUnavailable,
        int? retryAfterSeconds = null) =>
        AddOutage(new OutageWindow { Endpoint = endpoint, StartsIn = startsIn, Duration = duration, Status = status, RetryAfterSeconds = retryAfterSeconds });

    /// <summary>Adds an outage from <paramref name="startsAt"/> (absolute) for <paramref name="duration"/>.</summary>
    public OutageWindow AddOutage(string endpoint, DateTimeOffset startsAt, TimeSpan duration, int status = StatusCodes.Status503ServiceUnavailable,
        int? retryAfterSeconds = null) =>
        AddOutage(new OutageWindow { Endpoint = endpoint, StartsAt = startsAt, Duration = duration, Status = status, RetryAfterSeconds = retryAfterSeconds });

    /// <summary>Adds <paramref name="window"/> to the current windows (as POST /_emulator/faults/outages does).</summary>
    /// <exception cref="ArgumentException">The window is invalid; the message names the settings.</exception>
    public OutageWindow AddOutage(OutageWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var (added, errors) = app.Services.GetRequiredService<FaultControl>().AddOutage(window);
        return added ?? throw Invalid(errors, nameof(window));
    }

    /// <summary>Replaces every fault setting (as PUT /_emulator/faults does): validated, relative starts counted from now.</summary>
    /// <exception cref="ArgumentException">The settings are invalid; the message names them.</exception>
    public void SetFaults(FaultOptions faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var (installed, errors) = app.Services.GetRequiredService<FaultControl>().Replace(faults);
        if (installed is null)
        {
            throw Invalid(errors, nameof(faults));
        }
    }

    /// <summary>Back to normal service: no outages, no error rules, orders complete (as DELETE /_emulator/faults does).</summary>
    public void ClearFaults() => app.Services.GetRequiredService<FaultControl>().Clear();

    private static ArgumentException Invalid(Dictionary<string, string[]> errors, string parameter) =>
        new(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), parameter);

    /// <summary>Stops the server (saving state first when a persistence folder is set).</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

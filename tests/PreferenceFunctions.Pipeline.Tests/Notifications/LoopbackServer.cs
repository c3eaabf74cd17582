using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PreferenceFunctions.Pipeline.Tests.Notifications;

/// <summary>A real Kestrel server on 127.0.0.1 (free port) that records every request and answers what the test says.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app) => _app = app;

    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <param name="respond">Status code for a request, given the request and how many came before it.</param>
    public static Task<LoopbackServer> StartAsync(Func<CapturedRequest, int, int> respond) =>
        StartAsync((request, index, _) => respond(request, index));

    /// <param name="respond">Status code for a request; may also set response headers.</param>
    public static async Task<LoopbackServer> StartAsync(Func<CapturedRequest, int, HttpResponse, int> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        var count = 0;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = new HeaderDictionary();
            foreach (var (name, value) in context.Request.Headers) headers[name] = value;
            var request = new CapturedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, body, headers);
            var index = Interlocked.Increment(ref count) - 1;
            context.Response.StatusCode = respond(request, index, context.Response);
            server.Requests.Enqueue(request);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

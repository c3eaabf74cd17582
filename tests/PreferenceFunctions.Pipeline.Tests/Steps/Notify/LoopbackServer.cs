using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

/// <summary>A real Kestrel server on 127.0.0.1 (free port) that records every request and answers what the test says.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, ConcurrentQueue<CapturedRequest> requests)
    {
        _app = app;
        Requests = requests;
    }

    public ConcurrentQueue<CapturedRequest> Requests { get; }

    public Uri BaseAddress { get; private init; } = null!;

    /// <param name="respond">Status code for a request, given the request and how many came before it.</param>
    public static Task<LoopbackServer> StartAsync(Func<CapturedRequest, int, int> respond) =>
        StartAsync((request, index, _) => respond(request, index));

    /// <param name="respond">Status code for a request; may also set response headers.</param>
    public static async Task<LoopbackServer> StartAsync(Func<CapturedRequest, int, HttpResponse, int> respond)
    {
        var count = 0;
        var queue = new ConcurrentQueue<CapturedRequest>();
        var (app, baseUrl) = await LoopbackApp.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = new HeaderDictionary();
            foreach (var (name, value) in context.Request.Headers) headers[name] = value;
            var request = new CapturedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, body, headers);
            var index = Interlocked.Increment(ref count) - 1;
            context.Response.StatusCode = respond(request, index, context.Response);
            queue.Enqueue(request);
        });
        return new LoopbackServer(app, queue) { BaseAddress = baseUrl };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

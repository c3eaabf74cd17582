using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace PreferenceFunctions.Testing;

/// <summary>
/// A reverse proxy on 127.0.0.1 in front of one Azurite endpoint (blob, queue or table). Every request is forwarded as it
/// is, except the first one that matches <see cref="HoldNext"/>: that one is held (never forwarded) until its client goes
/// away, so a test can kill a host at an exact point of its work, e.g. inside one table write.
/// </summary>
public sealed class StorageProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _client;
    private readonly Lock _gate = new();
    private (Func<HttpRequest, string, bool> Match, TaskCompletionSource Held)? _hold;

    private StorageProxy(WebApplication app, HttpMessageInvoker client, Uri baseUrl)
    {
        _app = app;
        _client = client;
        BaseUrl = baseUrl;
    }

    /// <summary>The proxy's address, ending in '/'.</summary>
    public Uri BaseUrl { get; }

    /// <param name="target">The endpoint's origin, e.g. http://127.0.0.1:10002/.</param>
    public static async Task<StorageProxy> StartAsync(Uri target)
    {
        var forwarder = new ServiceCollection().AddLogging().AddHttpForwarder().BuildServiceProvider()
            .GetRequiredService<IHttpForwarder>();
        var client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        });
        StorageProxy? proxy = null;
        var (app, baseUrl) = await LoopbackApp.StartAsync(context => proxy!.ForwardAsync(context, forwarder, target));
        proxy = new StorageProxy(app, client, baseUrl);
        return proxy;
    }

    /// <summary>
    /// Holds the next request for which <paramref name="match"/> (request, body as text) is true; the task completes when
    /// that request has arrived. Later requests pass again.
    /// </summary>
    public Task HoldNext(Func<HttpRequest, string, bool> match)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _hold = (match, held);
        return held.Task;
    }

    /// <summary>A storage connection string's endpoint setting rewritten to this proxy (same account path).</summary>
    public string Rewrite(string connectionString, string endpointKey)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            if (!part.StartsWith(endpointKey + "=", StringComparison.OrdinalIgnoreCase)) return part;
            var original = new Uri(part[(endpointKey.Length + 1)..]);
            return $"{endpointKey}={new Uri(BaseUrl, original.AbsolutePath)}";
        });
        return string.Join(';', parts) + ";";
    }

    private async Task ForwardAsync(HttpContext context, IHttpForwarder forwarder, Uri target)
    {
        (Func<HttpRequest, string, bool> Match, TaskCompletionSource Held)? hold;
        lock (_gate) hold = _hold;
        if (hold is { } pending)
        {
            context.Request.EnableBuffering();
            var body = await new StreamReader(context.Request.Body, leaveOpen: true).ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            var mine = false;
            lock (_gate)
            {
                if (_hold == pending && pending.Match(context.Request, body))
                {
                    _hold = null;
                    mine = true;
                }
            }
            if (mine)
            {
                pending.Held.TrySetResult();
                // Never forwarded: the host is expected to die while waiting for this answer.
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }
                return;
            }
        }
        await forwarder.SendAsync(context, target.GetLeftPart(UriPartial.Authority), _client, ForwarderRequestConfig.Empty,
            HttpTransformer.Empty);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }
}

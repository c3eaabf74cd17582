using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PreferenceFunctions.Testing;

/// <summary>A real Kestrel server on 127.0.0.1 (free port) answering every request with one handler, for fake peers in tests.</summary>
public static class LoopbackApp
{
    /// <returns>The started app (stop and dispose it) and its base URL, ending in '/'.</returns>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }
}

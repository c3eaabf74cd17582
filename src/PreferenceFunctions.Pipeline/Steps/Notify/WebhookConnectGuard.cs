using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of run webhooks: resolves the host itself and connects only
/// when no address is restricted (<see cref="WebhookAddresses.IsRestricted"/>) or the host is in
/// <c>Notifications:AllowedWebhookHosts</c>. The check happens at connect time, on the addresses actually dialled,
/// so a DNS name that rebinds to an internal address after validation is refused too.
/// </summary>
public sealed class WebhookConnectGuard
{
    private readonly IOptions<NotificationOptions> _options;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly Func<IPEndPoint, CancellationToken, ValueTask<Stream>> _connect;

    public WebhookConnectGuard(IOptions<NotificationOptions> options) : this(options, null, null) { }

    /// <summary>Tests substitute the resolver and the dialler, to prove a refusal happens before any connection.</summary>
    internal WebhookConnectGuard(IOptions<NotificationOptions> options, Func<string, CancellationToken, Task<IPAddress[]>>? resolve,
        Func<IPEndPoint, CancellationToken, ValueTask<Stream>>? connect)
    {
        _options = options;
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
        _connect = connect ?? ConnectSocketAsync;
    }

    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        ConnectAsync(context.DnsEndPoint, cancellationToken);

    internal async ValueTask<Stream> ConnectAsync(DnsEndPoint target, CancellationToken cancellationToken)
    {
        var host = target.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await _resolve(host, cancellationToken);
        if (addresses.Length == 0) throw new WebhookRefusedException();
        var allowed = _options.Value.AllowedHosts();
        var listed = allowed.Contains(host, StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            if (!listed && WebhookAddresses.IsRestricted(address) && !allowed.Contains(address.ToString(), StringComparer.OrdinalIgnoreCase))
                throw new WebhookRefusedException();
        }
        return await _connect(new IPEndPoint(addresses[0], target.Port), cancellationToken);
    }

    private static async ValueTask<Stream> ConnectSocketAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

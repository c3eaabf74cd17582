using System.Net;
using System.Net.Sockets;

namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>
/// Which webhook targets a dataset author may name (SSRF): https only (plain http only to a loopback host, for local
/// development), and never an address inside the operator's network: loopback, private, link-local (cloud metadata),
/// CGNAT, unique-local, multicast, unspecified, reserved, or the Azure platform address 168.63.129.16.
/// </summary>
public static class WebhookAddresses
{
    private static readonly IPNetwork[] Restricted =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"), IPNetwork.Parse("168.63.129.16/32"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"), IPNetwork.Parse("100::/64"), IPNetwork.Parse("2001:db8::/32"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>True for an address a webhook may not reach unless allow-listed (IPv4-mapped and NAT64 forms are unwrapped).</summary>
    public static bool IsRestricted(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && Nat64.Contains(address))
            address = new IPAddress(address.GetAddressBytes()[12..]);
        return Restricted.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }

    /// <summary>True when the URL's host is loopback by name or literal (the only hosts plain http may reach, when allowed).</summary>
    public static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback || string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Null when <paramref name="url"/> may be a run's webhook as far as its text tells; else why not (without the URL's
    /// query, which may carry a token). Names resolving to restricted addresses are refused when connecting.
    /// </summary>
    public static string? Problem(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return "is not an absolute https URL";
        if (uri.UserInfo.Length > 0) return "carries user info; put credentials in the query or path";
        if (uri.Scheme == "http" && !IsLoopbackHost(uri))
            return "uses plain http; webhooks must use https (plain http only to localhost, with Notifications__AllowInsecureLocalWebhooks)";
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip)
            && IsRestricted(ip) && !IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip))
            return "names a private, link-local or otherwise internal address; webhooks go to public hosts";
        return null;
    }

    /// <summary>A URL as it may be stored or shown: scheme, host, port and path, the query (tokens) and user info replaced.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}{(uri.Query.Length > 0 ? "?…" : "")}"
            : "(not an absolute URL)";
}

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// A URL as it may appear in logs and failure messages: scheme, host, port and path only, because query strings
/// and user info of webhook URLs often carry tokens.
/// </summary>
internal static class SafeUrl
{
    public static string Describe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Describe(uri) : "(not an absolute URL)";

    public static string Describe(Uri uri) => $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";
}

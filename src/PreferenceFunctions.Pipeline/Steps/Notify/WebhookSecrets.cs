namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>The Standard Webhooks secret format: optional <c>whsec_</c> prefix, then base64 of 24 to 64 bytes.</summary>
internal static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    /// <summary>Null when <paramref name="secret"/> is usable, else what is wrong with it (never the secret itself).</summary>
    public static string? Problem(string secret)
    {
        var encoded = secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret;
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length))
            return $"is not '{Prefix}' followed by base64";
        return length is < 24 or > 64 ? $"decodes to {length} bytes; Standard Webhooks secrets are 24 to 64 bytes" : null;
    }
}

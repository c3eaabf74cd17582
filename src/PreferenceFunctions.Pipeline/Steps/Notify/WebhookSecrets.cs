namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>The Standard Webhooks secret format: optional <c>whsec_</c> prefix, then base64 of 24 to 64 bytes.</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    /// <summary>
    /// The secret that signs one run's own webhook: <c>whsec_</c> + base64 of HMAC-SHA256(operator secret, run id).
    /// A dataset author learns it from the start response, and it signs nothing but that run's events.
    /// </summary>
    public static string ForRun(string operatorSecret, string runId)
    {
        var encoded = operatorSecret.StartsWith(Prefix, StringComparison.Ordinal) ? operatorSecret[Prefix.Length..] : operatorSecret;
        var key = Convert.FromBase64String(encoded);
        return Prefix + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(runId)));
    }

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

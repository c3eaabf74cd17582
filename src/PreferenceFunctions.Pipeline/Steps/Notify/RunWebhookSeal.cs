using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// A run's own webhook URL often carries a token, and it travels through the orchestration's history (readable by
/// anyone with table read access to the task hub): it is stored only sealed, <c>sealed:v1:</c> + base64url of AES-256-GCM
/// (nonce, ciphertext, tag) under a key derived from <c>Notifications:WebhookSecret</c>, and opened by
/// <see cref="NotifyActivity"/> right before the POST. Sealing is deterministic (the nonce is an HMAC of the URL), so a
/// repeated request seals to the same text and an <c>Idempotency-Key</c> comparison still works.
/// </summary>
public sealed class RunWebhookSeal(IOptions<NotificationOptions> options)
{
    public const string Prefix = "sealed:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Without an operator secret nothing can seal (or sign) a run's webhook, so none is accepted.</summary>
    public bool CanSeal => !string.IsNullOrWhiteSpace(options.Value.WebhookSecret);

    public const string NeedsSecret =
        "a run's own webhook needs the operator's Notifications__WebhookSecret on the server (it signs the run's events and seals the URL at rest)";

    public static bool IsSealed(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The sealed form of <paramref name="url"/>; a value already sealed is returned as it is.</summary>
    public string Seal(string url)
    {
        if (IsSealed(url)) return url;
        var (key, nonceKey) = Keys();
        var plain = Encoding.UTF8.GetBytes(url);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        HMACSHA256.HashData(nonceKey, plain).AsSpan(0, NonceSize).CopyTo(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length));
        return Prefix + Convert.ToBase64String(sealedBytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The URL inside a sealed value; a value that is not sealed (a run started before URLs were sealed) as it is.</summary>
    /// <exception cref="CryptographicException">Sealed under another operator secret, or altered.</exception>
    public string Open(string value)
    {
        if (!IsSealed(value)) return value;
        var text = value[Prefix.Length..].Replace('-', '+').Replace('_', '/');
        var sealedBytes = Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException("The sealed webhook URL is too short.");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(Keys().Key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain);
        return Encoding.UTF8.GetString(plain);
    }

    private (byte[] Key, byte[] NonceKey) Keys()
    {
        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrWhiteSpace(secret)) throw new InvalidOperationException(NeedsSecret);
        var encoded = secret.StartsWith(WebhookSecrets.Prefix, StringComparison.Ordinal) ? secret[WebhookSecrets.Prefix.Length..] : secret;
        var root = Convert.FromBase64String(encoded);
        return (HMACSHA256.HashData(root, "run-webhook-url/key"u8), HMACSHA256.HashData(root, "run-webhook-url/nonce"u8));
    }
}

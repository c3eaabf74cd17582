using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PreferenceFunctions.Emulator.Auth;

/// <summary>Issued access tokens (opaque random strings) and their expiry times.</summary>
internal sealed class TokenStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> tokens = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, DateTimeOffset> Snapshot => tokens;

    public string Issue(TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        tokens[token] = clock.GetUtcNow() + lifetime;
        return token;
    }

    public bool IsValid(string token) => tokens.TryGetValue(token, out var expires) && expires > clock.GetUtcNow();

    public void Restore(IEnumerable<KeyValuePair<string, DateTimeOffset>> saved)
    {
        foreach (var (token, expires) in saved)
        {
            tokens[token] = expires;
        }
    }

    /// <summary>Revokes every token, so clients must fetch a new one (the admin "expire tokens" fault).</summary>
    public void RevokeAll() => tokens.Clear();
}

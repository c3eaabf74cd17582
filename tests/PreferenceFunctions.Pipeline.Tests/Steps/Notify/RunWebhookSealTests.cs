using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Steps.Notify;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

public sealed class RunWebhookSealTests
{
    private const string Url = "https://hooks.example/x?token=SECRET";

    [Fact]
    public void Seal_Url_HidesItAndOpensBackToIt()
    {
        var seal = SealWith(NotificationTestData.NewSecret());

        var sealedUrl = seal.Seal(Url);

        Assert.StartsWith(RunWebhookSeal.Prefix, sealedUrl);
        Assert.DoesNotContain("SECRET", sealedUrl);
        Assert.DoesNotContain("hooks.example", sealedUrl);
        Assert.Equal(Url, seal.Open(sealedUrl));
    }

    [Fact]
    public void Seal_SameUrlTwice_SameText()
    {
        var seal = SealWith(NotificationTestData.NewSecret());

        Assert.Equal(seal.Seal(Url), seal.Seal(Url)); // an Idempotency-Key comparison of two requests still sees them equal
        Assert.NotEqual(seal.Seal(Url), seal.Seal(Url + "2"));
        Assert.Equal(seal.Seal(Url), seal.Seal(seal.Seal(Url)));
    }

    [Fact]
    public void Open_SealedUnderAnotherSecretOrAltered_Throws()
    {
        var seal = SealWith(NotificationTestData.NewSecret());
        var sealedUrl = seal.Seal(Url);
        var other = SealWith(NotificationTestData.NewSecret());

        Assert.ThrowsAny<CryptographicException>(() => other.Open(sealedUrl));
        var at = RunWebhookSeal.Prefix.Length + 20;
        var altered = sealedUrl[..at] + (sealedUrl[at] == 'A' ? 'B' : 'A') + sealedUrl[(at + 1)..];
        Assert.ThrowsAny<CryptographicException>(() => seal.Open(altered));
    }

    [Fact]
    public void Open_NotSealed_ReturnsTheValue()
    {
        // A run started before URLs were sealed carries the URL itself in its history.
        Assert.Equal(Url, SealWith(NotificationTestData.NewSecret()).Open(Url));
    }

    [Fact]
    public void CanSeal_WithoutOperatorSecret_False()
    {
        var seal = SealWith(null);

        Assert.False(seal.CanSeal);
        Assert.Throws<InvalidOperationException>(() => seal.Seal(Url));
    }

    private static RunWebhookSeal SealWith(string? secret) => new(Options.Create(new NotificationOptions { WebhookSecret = secret }));
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>Settings bind from the Rapidata section and are validated; defaults are the real Rapidata hosts.</summary>
public sealed class OptionsTests : IAsyncLifetime
{
    private FakeRapidataServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeRapidataServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Defaults_AreRealRapidataAndSdkLimits()
    {
        var options = new RapidataClientOptions();

        Assert.Equal(new Uri("https://api.rapidata.ai"), options.ApiBaseUrl);
        Assert.Equal(new Uri("https://auth.rapidata.ai"), options.AuthBaseUrl);
        Assert.Equal("openid email api", options.Scope);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(60), options.TokenRenewalMargin);
        Assert.Equal(3, options.MaxRetryAttempts);
    }

    [Fact]
    public void Bind_Section_ReadsEverySetting()
    {
        using var services = TestClients.Create(_server, new Dictionary<string, string?>
        {
            ["Timeout"] = "00:02:00", ["MaxRetryAttempts"] = "5", ["TokenRenewalMargin"] = "00:00:30", ["Scope"] = "openid api",
        });

        var options = services.GetRequiredService<IOptions<RapidataClientOptions>>().Value;

        Assert.Equal((TimeSpan.FromMinutes(2), 5, TimeSpan.FromSeconds(30), "openid api"),
            (options.Timeout, options.MaxRetryAttempts, options.TokenRenewalMargin, options.Scope));
        Assert.Equal(_server.BaseUrl, options.ApiBaseUrl);
    }

    [Theory]
    [InlineData("MaxRetryAttempts", "50")]
    [InlineData("AttemptTimeout", "00:00:00")]
    [InlineData("MaxRetryAfter", "02:00:00")]
    [InlineData("ClientSecret", "")]
    public void Resolve_InvalidSetting_FailsNamingIt(string setting, string value)
    {
        using var services = TestClients.Create(_server, new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<RapidataClientOptions>>().Value);

        Assert.Contains(setting, error.Message);
    }
}

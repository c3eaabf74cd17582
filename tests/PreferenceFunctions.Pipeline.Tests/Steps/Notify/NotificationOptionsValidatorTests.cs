using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Steps.Notify;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

public sealed class NotificationOptionsValidatorTests
{
    private readonly NotificationOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = _validator.Validate(null, new NotificationOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_RelativeWebhookUrl_NamesTheSetting()
    {
        var options = new NotificationOptions { WebhookUrl = "hooks/runs", WebhookSecret = NotificationTestData.NewSecret() };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Notifications:WebhookUrl", result.FailureMessage);
    }

    [Fact]
    public void Validate_WebhookWithoutSecret_Fails()
    {
        var result = _validator.Validate(null, new NotificationOptions { WebhookUrl = "https://hooks.example/runs" });

        Assert.True(result.Failed);
        Assert.Contains("Notifications:WebhookSecret is required", result.FailureMessage);
    }

    [Theory]
    [InlineData("whsec_not*base64")]
    [InlineData("whsec_c2hvcnQ=")] // "short": 5 bytes
    public void Validate_MalformedSecret_FailsWithoutEchoingIt(string secret)
    {
        var options = new NotificationOptions { WebhookUrl = "https://hooks.example/runs", WebhookSecret = secret };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Notifications:WebhookSecret", result.FailureMessage);
        Assert.DoesNotContain(secret, result.FailureMessage);
    }

    [Fact]
    public void Validate_EventGridEndpointNotHttp_Fails()
    {
        var result = _validator.Validate(null, new NotificationOptions { EventGridTopicEndpoint = "ftp://topic.example/api/events" });

        Assert.Contains("Notifications:EventGridTopicEndpoint", result.FailureMessage);
    }

    [Fact]
    public void AddPreferenceNotifications_BadConfiguration_ThrowsOnFirstUse()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:WebhookUrl"] = "not a url" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddPreferenceNotifications(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NotificationOptions>>().Value);

        Assert.Contains("Notifications:WebhookUrl", error.Message);
    }

    [Fact]
    public void AddPreferenceNotifications_Configuration_BindsEverySetting()
    {
        var secret = NotificationTestData.NewSecret();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Notifications:QueueName"] = "",
                ["Notifications:WebhookUrl"] = "https://hooks.example/runs",
                ["Notifications:WebhookSecret"] = secret,
                ["Notifications:WebhookMaxAttempts"] = "3",
                ["Notifications:WebhookRetryDelay"] = "00:00:02",
                ["Notifications:Source"] = "https://contoso.example/preference",
            })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddPreferenceNotifications(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<NotificationOptions>>().Value;

        Assert.Equal("", options.QueueName);
        Assert.Equal(secret, options.WebhookSecret);
        Assert.Equal(3, options.WebhookMaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.WebhookRetryDelay);
        Assert.Equal("https://contoso.example/preference", options.Source);
        Assert.DoesNotContain(provider.GetServices<IRunEventSink>(), sink => sink.IsEnabled);
    }
}

using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PreferenceFunctions.Rapidata.Tests.Fakes;

/// <summary>A <see cref="RapidataClient"/> wired exactly as production wires it, pointed at a fake server, with short retry delays.</summary>
internal static class TestClients
{
    public static ServiceProvider Create(FakeRapidataServer server, IDictionary<string, string?>? overrides = null,
        TimeProvider? timeProvider = null, ILoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rapidata:ApiBaseUrl"] = server.BaseUrl.ToString(),
            ["Rapidata:AuthBaseUrl"] = server.AuthUrl.ToString(),
            ["Rapidata:ClientId"] = FakeRapidataServer.ClientId,
            ["Rapidata:ClientSecret"] = FakeRapidataServer.ClientSecret,
            ["Rapidata:RetryBaseDelay"] = TimeSpan.FromMilliseconds(1).ToString("c", CultureInfo.InvariantCulture),
            ["Rapidata:MaxRetryAfter"] = TimeSpan.FromMilliseconds(20).ToString("c", CultureInfo.InvariantCulture),
            ["Rapidata:AttemptTimeout"] = "00:00:30",
            ["Rapidata:Timeout"] = "00:01:00",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings["Rapidata:" + key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null) builder.AddProvider(logs);
        });
        if (timeProvider is not null) services.AddSingleton(timeProvider);
        services.AddRapidataClient(configuration.GetSection("Rapidata"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static RapidataClient Client(this ServiceProvider services) => services.GetRequiredService<RapidataClient>();
}

using Microsoft.Extensions.Configuration;

namespace PreferenceFunctions.Cli;

/// <summary>
/// The settings the commands read before a host exists: appsettings.json next to the program, then environment
/// variables (<c>__</c> for <c>:</c>), the same sources and names the host itself uses.
/// </summary>
public static class LocalConfiguration
{
    public static IConfigurationRoot Load() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();
}

using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;

namespace PreferenceFunctions.Hosting;

/// <summary>
/// Sends the worker's traces, metrics and logs to the Application Insights the Bicep creates: its connection string, and
/// Entra ID auth with the app's user-assigned identity (local auth is off on the component).
/// </summary>
public static class AzureMonitorExport
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>ClientId=&lt;identity&gt;;Authorization=AAD</c>, as the Bicep sets it for the Functions host.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Exports to Azure Monitor when <see cref="ConnectionStringSetting"/> is set (on Azure); otherwise nothing.</summary>
    public static IOpenTelemetryBuilder UseAzureMonitorWhenConfigured(this IOpenTelemetryBuilder telemetry, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString)) return telemetry;
        var clientId = EntraClientId(configuration[AuthenticationStringSetting]);
        return telemetry.UseAzureMonitorExporter(options =>
        {
            options.ConnectionString = connectionString;
            if (clientId is not null) options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        });
    }

    /// <summary>The client id of an Entra (<c>Authorization=AAD</c>) authentication string; null for anything else.</summary>
    internal static string? EntraClientId(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication)) return null;
        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return parts.GetValueOrDefault("Authorization") is { } mode && mode.Equals("AAD", StringComparison.OrdinalIgnoreCase)
            ? parts.GetValueOrDefault("ClientId")
            : null;
    }
}

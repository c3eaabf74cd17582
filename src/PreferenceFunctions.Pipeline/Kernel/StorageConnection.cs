using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>
/// The storage account behind <c>AzureWebJobsStorage</c>, read the way the Functions extensions read it: a
/// connection string (Azurite, <c>UseDevelopmentStorage=true</c>), or service URIs with a managed identity
/// (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>,
/// <c>__credential=managedidentity</c>, <c>__clientId</c>).
/// </summary>
public sealed class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    private StorageConnection(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, string? connectionString)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
        ConnectionString = connectionString;
    }

    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }
    public TableServiceClient Tables { get; }

    /// <summary>Set when the account was configured by connection string (the local durable engine needs it).</summary>
    public string? ConnectionString { get; }

    public static StorageConnection FromConnectionString(string connectionString) => new(
        new BlobServiceClient(connectionString),
        new QueueServiceClient(connectionString),
        new TableServiceClient(connectionString),
        connectionString);

    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString)) return FromConnectionString(connectionString);

        var section = configuration.GetSection(SettingName);
        var blobUri = section["blobServiceUri"];
        var queueUri = section["queueServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (blobUri is null || queueUri is null || tableUri is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set '{SettingName}' to a connection string, or set " +
                $"'{SettingName}__blobServiceUri', '{SettingName}__queueServiceUri' and '{SettingName}__tableServiceUri' " +
                "for a managed identity.");
        }
        var credential = CreateCredential(section["credential"], section["clientId"]);
        return new StorageConnection(
            new BlobServiceClient(new Uri(blobUri), credential),
            new QueueServiceClient(new Uri(queueUri), credential),
            new TableServiceClient(new Uri(tableUri), credential),
            connectionString: null);
    }

    private static TokenCredential CreateCredential(string? kind, string? clientId) =>
        string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
}

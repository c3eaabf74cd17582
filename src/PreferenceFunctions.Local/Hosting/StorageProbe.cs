using System.Net.Sockets;
using PreferenceFunctions.Local.Demo;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Local.Hosting;

/// <summary>
/// Checks, before a command starts work, that the storage account in <c>AzureWebJobsStorage</c> is configured and
/// answers, so that a missing Azurite is one line (what is missing, how to start it) instead of retries and stack traces.
/// </summary>
public static class StorageProbe
{
    public const string StartAzurite =
        $"NODE_OPTIONS={AzuriteProcess.YoungGeneration} npx --yes {AzuriteProcess.PinnedPackage} --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1";

    /// <returns>Null when the blob endpoint accepts a connection; else the one line to show.</returns>
    public static async Task<string?> ProblemAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        StorageConnection storage;
        try
        {
            storage = StorageConnection.FromConfiguration(configuration);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            return $"{e.Message.TrimEnd('.')} (for Azurite: {StorageConnection.SettingName}=UseDevelopmentStorage=true)";
        }
        var endpoint = storage.Blobs.Uri;
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            return null;
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"storage is not reachable: nothing answers at {endpoint.GetLeftPart(UriPartial.Authority)} " +
                   $"({StorageConnection.SettingName}); start Azurite with: {StartAzurite}";
        }
    }
}

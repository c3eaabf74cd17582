using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>Creates the product's tables and containers at start, so no request path has to.</summary>
internal sealed class StorageInitializer(StorageConnection storage, IOptions<PreferenceOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var table in TableNames.All)
            await storage.Tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        await storage.Blobs.GetBlobContainerClient(options.Value.DatasetsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await storage.Blobs.GetBlobContainerClient(options.Value.RunsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

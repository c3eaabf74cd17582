using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests;

public sealed class StorageSmokeTests
{
    [Fact]
    public async Task Azurite_BlobAndTableRoundTrip_ReturnsWhatWasWritten()
    {
        var connection = await Azurite.GetConnectionStringAsync();
        var container = new BlobContainerClient(connection, UniqueName.For("smoke"));
        await container.CreateAsync();
        try
        {
            await container.UploadBlobAsync("a.txt", BinaryData.FromString("hello"));
            var text = (await container.GetBlobClient("a.txt").DownloadContentAsync()).Value.Content.ToString();
            Assert.Equal("hello", text);

            var table = new TableClient(connection, UniqueName.For("smoke"));
            await table.CreateAsync();
            await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Votes"] = 7 });
            var row = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
            Assert.Equal(7, row.GetInt32("Votes"));
            await table.DeleteAsync();
        }
        finally
        {
            await container.DeleteAsync();
        }
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Tests.Runs;

namespace PreferenceFunctions.Tests.Upload;

/// <summary>
/// The MediaAssets index on Azurite: what one process appends, another reads (only what was appended since), a full blob
/// is followed by the next, an index replaced or deleted is read again from scratch, and a prefix the table lacks costs a
/// point read, never a wrong asset. Each test uses its own API key, so the tests share the container without meeting.
/// </summary>
public sealed class MediaAssetIndexTests
{
    [Fact]
    public async Task MayHold_WhatAnotherProcessAppended_NamesItWithAListingAndOneRead()
    {
        await using var harness = await RunHarness.StartAsync();
        var apiKey = NewApiKey();
        var (writer, reader) = (new MediaAssetIndex(harness.Storage), new MediaAssetIndex(harness.Storage));
        var (first, second, unknown) = (Hashes(300), Hashes(200), Hashes(50));

        await writer.AddAsync(apiKey, first, CancellationToken.None);
        Assert.Equal(first.Order(), (await reader.MayHoldAsync(apiKey, [.. first, .. second, .. unknown], CancellationToken.None)).Order());

        using var requests = new HttpRequestRecorder();
        await writer.AddAsync(apiKey, second, CancellationToken.None);
        Assert.Equal(first.Concat(second).Order(), (await reader.MayHoldAsync(apiKey, [.. first, .. second, .. unknown], CancellationToken.None)).Order());
        var index = requests.ToContainer(MediaAssetIndex.ContainerName);
        Assert.Single(index, r => r.Method == "PUT"); // one append (the blob exists)
        Assert.Single(index, r => r.Method == "GET" && r.Url.AbsolutePath.EndsWith("/" + MediaAssetIndex.ContainerName, StringComparison.Ordinal)); // the listing
        Assert.Single(index, r => r.Method == "GET" && r.Url.AbsolutePath.EndsWith($"/{apiKey}/000000", StringComparison.Ordinal)); // the new bytes only
    }

    [Fact]
    public async Task AddAsync_BlobFull_AppendsToTheNextBlobAndAFreshProcessReadsThemAll()
    {
        await using var harness = await RunHarness.StartAsync();
        var apiKey = NewApiKey();
        var writer = new MediaAssetIndex(harness.Storage, blocksPerBlob: 2);
        var batches = Enumerable.Range(0, 5).Select(_ => Hashes(10)).ToList();

        foreach (var batch in batches) await writer.AddAsync(apiKey, batch, CancellationToken.None);

        var blobs = new List<string>();
        await foreach (var blob in harness.Storage.Blobs.GetBlobContainerClient(MediaAssetIndex.ContainerName).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = apiKey + "/" }))
            blobs.Add(blob.Name);
        Assert.Equal([$"{apiKey}/000000", $"{apiKey}/000001", $"{apiKey}/000002"], blobs);
        var all = batches.SelectMany(b => b).ToList();
        Assert.Equal(all.Order(), (await new MediaAssetIndex(harness.Storage).MayHoldAsync(apiKey, all, CancellationToken.None)).Order());
    }

    [Fact]
    public async Task MayHold_IndexDeleted_ForgetsWhatItReadAndLearnsAgain()
    {
        await using var harness = await RunHarness.StartAsync();
        var apiKey = NewApiKey();
        var index = new MediaAssetIndex(harness.Storage);
        var (before, after) = (Hashes(20), Hashes(20));
        await index.AddAsync(apiKey, before, CancellationToken.None);
        Assert.Equal(20, (await index.MayHoldAsync(apiKey, before, CancellationToken.None)).Count);

        await harness.Storage.Blobs.GetBlobContainerClient(MediaAssetIndex.ContainerName).GetBlobClient($"{apiKey}/000000").DeleteAsync();

        Assert.Empty(await index.MayHoldAsync(apiKey, before, CancellationToken.None)); // uploaded again: costs an upload, loses nothing
        await index.AddAsync(apiKey, after, CancellationToken.None);
        Assert.Equal(after.Order(), (await new MediaAssetIndex(harness.Storage).MayHoldAsync(apiKey, [.. before, .. after], CancellationToken.None)).Order());
    }

    [Fact]
    public async Task FindAsync_IndexNamesAContentTheTableLacks_APointReadFindsNothing()
    {
        await using var harness = await RunHarness.StartAsync();
        var cache = harness.Services.GetRequiredService<MediaAssetCache>();
        var index = harness.Services.GetRequiredService<MediaAssetIndex>();
        var orphan = Hashes(1);
        await index.AddAsync(MediaAssetEntity.ApiKeyFor(harness.Emulator.BaseUrl), orphan, CancellationToken.None);
        using var requests = new HttpRequestRecorder();

        var found = await cache.FindAsync(orphan, CancellationToken.None);

        Assert.Empty(found);
        Assert.Single(requests.ToTable(TableNames.MediaAssets), r => r.Method == "GET");
    }

    private static string NewApiKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    private static List<string> Hashes(int count) =>
        Enumerable.Range(0, count).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))).ToList();
}

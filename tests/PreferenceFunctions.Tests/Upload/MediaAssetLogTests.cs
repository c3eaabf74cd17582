using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Tests.Runs;

namespace PreferenceFunctions.Tests.Upload;

/// <summary>
/// The media asset log on Azurite: what one process appends, another finds (reading only what was appended since, then the
/// found records), a full blob is followed by the next, a log deleted is read again from scratch, and a record is used only
/// for its own full SHA-256. Each test uses its own API key, so the tests share the container without meeting.
/// </summary>
public sealed class MediaAssetLogTests
{
    [Fact]
    public async Task Find_WhatAnotherProcessAppended_ReadsTheNewBytesAndTheFoundRecordsWithoutAListing()
    {
        await using var harness = await RunHarness.StartAsync();
        var apiKey = NewApiKey();
        var (writer, reader) = (new MediaAssetLog(harness.Storage), new MediaAssetLog(harness.Storage));
        var (first, second, unknown) = (Assets(300), Assets(200), Assets(50));

        await writer.AppendAsync(apiKey, first, CancellationToken.None);
        Assert.Equal(first.OrderBy(a => a.Sha256), Found(await reader.FindAsync(apiKey, Hashes(first, unknown), CancellationToken.None)));

        using var requests = new HttpRequestRecorder();
        await writer.AppendAsync(apiKey, second, CancellationToken.None);
        var found = await reader.FindAsync(apiKey, Hashes(first, second, unknown), CancellationToken.None);

        Assert.Equal(first.Concat(second).OrderBy(a => a.Sha256), Found(found)); // every field as appended
        var log = requests.ToContainer(MediaAssetLog.ContainerName);
        Assert.Single(log, r => r.Method == "PUT"); // one append (the blob exists)
        // No listing once the log was listed (Azurite scans every blob of the account for one): the last blob's properties.
        Assert.DoesNotContain(log, r => r.Url.AbsolutePath.EndsWith("/" + MediaAssetLog.ContainerName, StringComparison.Ordinal));
        Assert.Single(log, r => r.Method == "HEAD");
        // The 200 new records, then the 500 found ones (adjacent, so one range read); never the blob from its start again.
        Assert.Equal(2, log.Count(r => r.Method == "GET" && r.Url.AbsolutePath.EndsWith($"/{apiKey}/000000", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Append_BlobFull_AppendsToTheNextBlobAndAFreshProcessFindsThemAll()
    {
        await using var harness = await RunHarness.StartAsync();
        var apiKey = NewApiKey();
        var writer = new MediaAssetLog(harness.Storage, blocksPerBlob: 2);
        var batches = Enumerable.Range(0, 5).Select(_ => Assets(10)).ToList();

        foreach (var batch in batches) await writer.AppendAsync(apiKey, batch, CancellationToken.None);

        Assert.Equal([$"{apiKey}/000000", $"{apiKey}/000001", $"{apiKey}/000002"], await BlobNamesAsync(harness, apiKey));
        var all = batches.SelectMany(b => b).ToList();
        Assert.Equal(all.OrderBy(a => a.Sha256), Found(await new MediaAssetLog(harness.Storage).FindAsync(apiKey, Hashes(all), CancellationToken.None)));
    }

    [Fact]
    public async Task Find_LogDeleted_ForgetsWhatItReadAndLearnsAgain()
    {
        await using var harness = await RunHarness.StartAsync();
        var apiKey = NewApiKey();
        var log = new MediaAssetLog(harness.Storage);
        var (before, after) = (Assets(20), Assets(20));
        await log.AppendAsync(apiKey, before, CancellationToken.None);
        Assert.Equal(20, (await log.FindAsync(apiKey, Hashes(before), CancellationToken.None)).Count);

        await harness.Storage.Blobs.GetBlobContainerClient(MediaAssetLog.ContainerName).GetBlobClient($"{apiKey}/000000").DeleteAsync();

        Assert.Empty(await log.FindAsync(apiKey, Hashes(before), CancellationToken.None)); // uploaded again: costs an upload, loses nothing
        await log.AppendAsync(apiKey, after, CancellationToken.None);
        Assert.Equal(after.OrderBy(a => a.Sha256), Found(await log.FindAsync(apiKey, Hashes(before, after), CancellationToken.None)));
    }

    [Fact]
    public async Task Find_AFullBlobDeletedAfterItWasRead_FindsNothingInItAndListsTheLogAgain()
    {
        await using var harness = await RunHarness.StartAsync();
        var apiKey = NewApiKey();
        var log = new MediaAssetLog(harness.Storage, blocksPerBlob: 1);
        var (inFirst, inSecond) = (Assets(5), Assets(5));
        await log.AppendAsync(apiKey, inFirst, CancellationToken.None);
        await log.AppendAsync(apiKey, inSecond, CancellationToken.None);
        Assert.Equal(10, (await log.FindAsync(apiKey, Hashes(inFirst, inSecond), CancellationToken.None)).Count);

        await harness.Storage.Blobs.GetBlobContainerClient(MediaAssetLog.ContainerName).GetBlobClient($"{apiKey}/000000").DeleteAsync();

        Assert.Empty(await log.FindAsync(apiKey, Hashes(inFirst), CancellationToken.None)); // its records are gone: uploaded again
        using var requests = new HttpRequestRecorder();
        Assert.Equal(inSecond.OrderBy(a => a.Sha256), Found(await log.FindAsync(apiKey, Hashes(inFirst, inSecond), CancellationToken.None)));
        Assert.Single(requests.ToContainer(MediaAssetLog.ContainerName), r => r.Url.AbsolutePath.EndsWith("/" + MediaAssetLog.ContainerName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Find_TwoContentsShareTheFirst8Bytes_UsesARecordOnlyForItsOwnHash()
    {
        await using var harness = await RunHarness.StartAsync();
        var apiKey = NewApiKey();
        var log = new MediaAssetLog(harness.Storage);
        var saved = Assets(1)[0];
        var twin = saved.Sha256![..16] + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)); // same 8 bytes, other content

        await log.AppendAsync(apiKey, [saved], CancellationToken.None);

        Assert.Empty(await log.FindAsync(apiKey, [twin], CancellationToken.None));
        Assert.Equal(saved, Assert.Single(await log.FindAsync(apiKey, [saved.Sha256, twin], CancellationToken.None)).Value);
    }

    [Fact]
    public async Task Append_FileNameWithLineBreaksAndAForeignLineInTheLog_EachRecordReadBackWhole()
    {
        await using var harness = await RunHarness.StartAsync();
        var apiKey = NewApiKey();
        var writer = new MediaAssetLog(harness.Storage);
        var odd = Assets(1)[0] with { OriginalFileName = "two\nlines\r\n\"quoted\" \u00e9t\u00e9.png" };
        await writer.AppendAsync(apiKey, [odd], CancellationToken.None);
        // A line that is not a record (written by something else): skipped, the records around it still found.
        var blob = harness.Storage.Blobs.GetBlobContainerClient(MediaAssetLog.ContainerName).GetAppendBlobClient($"{apiKey}/000000");
        using (var foreign = new MemoryStream(Encoding.UTF8.GetBytes("not a record\n{\"sha256\":42}\n")))
            await blob.AppendBlockAsync(foreign);
        var after = Assets(3);
        await writer.AppendAsync(apiKey, after, CancellationToken.None);

        var found = await new MediaAssetLog(harness.Storage).FindAsync(apiKey, Hashes([odd], after), CancellationToken.None);

        Assert.Equal(new[] { odd }.Concat(after).OrderBy(a => a.Sha256), Found(found));
    }

    private static string NewApiKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    private static List<MediaAsset> Assets(int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return new MediaAsset(sha256, $"{sha256[..12]}_image.png", $"{sha256[..8]}.png", Random.Shared.Next(100, 10_000));
    }).ToList();

    private static List<string> Hashes(params IEnumerable<MediaAsset>[] assets) => assets.SelectMany(a => a).Select(a => a.Sha256!).ToList();

    private static IEnumerable<MediaAsset> Found(IReadOnlyDictionary<string, MediaAsset> found)
    {
        Assert.All(found, pair => Assert.Equal(pair.Key, pair.Value.Sha256));
        return found.Values.OrderBy(a => a.Sha256);
    }

    private static async Task<List<string>> BlobNamesAsync(RunHarness harness, string apiKey)
    {
        var names = new List<string>();
        await foreach (var blob in harness.Storage.Blobs.GetBlobContainerClient(MediaAssetLog.ContainerName).GetBlobsAsync(new GetBlobsOptions { Prefix = apiKey + "/" }))
            names.Add(blob.Name);
        return names;
    }
}

using Azure.Storage.Blobs;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Upload;

/// <summary>
/// A staged image pack read through windows on Azurite: with the images planned, a window is read only from the first planned
/// byte to the last, once; an image outside that span is not served from it (the caller reads it on its own).
/// </summary>
public sealed class PackWindowsTests
{
    [Fact]
    public Task TryOpen_ImagesPlanned_ReadsOnlyTheirSpanOnce() => WithPackAsync(async pack =>
    {
        var original = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();
        await pack.UploadAsync(BinaryData.FromBytes(original));
        var windows = new PackWindows(pack);
        windows.Plan(1_000, 300);
        windows.Plan(2_000, 500);

        Assert.Equal(original[1_000..1_300], await ReadAsync(windows, 1_000, 300));
        // Replaced after the window was read: a planned image still comes from that one read, and an image the plan
        // did not name lies outside the span read (3,000-3,200), so it is not served from the window.
        await pack.UploadAsync(BinaryData.FromBytes(new byte[10_000]), overwrite: true);
        Assert.Equal(original[2_000..2_500], await ReadAsync(windows, 2_000, 500));
        Assert.Null(await windows.TryOpenAsync(3_000, 200, CancellationToken.None));
        Assert.Null(await windows.TryOpenAsync(900, 200, CancellationToken.None));
    });

    [Fact]
    public Task TryOpen_NothingPlanned_ServesAnyImageOfTheWindowFromOneRead() => WithPackAsync(async pack =>
    {
        var original = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        await pack.UploadAsync(BinaryData.FromBytes(original));
        var windows = new PackWindows(pack);

        Assert.Equal(original[100..400], await ReadAsync(windows, 100, 300));
        await pack.UploadAsync(BinaryData.FromBytes(new byte[10_000]), overwrite: true);
        Assert.Equal(original[9_000..9_999], await ReadAsync(windows, 9_000, 999)); // the whole window was read the first time
    });

    /// <summary>A pack blob in a container of its own on the tests' Azurite, deleted afterwards.</summary>
    private static async Task WithPackAsync(Func<BlobClient, Task> test)
    {
        var container = new BlobServiceClient(await Azurite.GetConnectionStringAsync()).GetBlobContainerClient(UniqueName.For("packwindows"));
        await container.CreateAsync();
        try
        {
            await test(container.GetBlobClient("images.pack"));
        }
        finally
        {
            await container.DeleteAsync();
        }
    }

    private static async Task<byte[]> ReadAsync(PackWindows windows, long offset, long length)
    {
        await using var stream = await windows.TryOpenAsync(offset, length, CancellationToken.None);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

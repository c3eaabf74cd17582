using System.Buffers.Binary;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Which contents the MediaAssets table may hold, so that a chunk of new images does not ask the table image by image:
/// the first 8 bytes of every saved SHA-256, appended after the rows are saved to append blobs
/// <c>media-asset-index/{apiKey}/{n:D6}</c>. Each process keeps the prefixes in memory and, before a lookup, reads only
/// what was appended since (a listing and a range read per grown blob), so the table is asked only for contents the
/// index names. The index is a hint and the table stays the truth: a content the index lacks (an append lost in a
/// crash, rows saved before the index existed, the index deleted) is uploaded once more and appended then; a prefix
/// the table lacks costs one point read. So the index never fails an upload: when it cannot be read every content is
/// looked up in the table, when it cannot be appended to the contents upload once more in a later run (both logged).
/// Singleton: the prefixes read are shared by every chunk of the process.
/// </summary>
public sealed partial class MediaAssetIndex
{
    public const string ContainerName = "media-asset-index";

    /// <summary>Blob storage's limit of blocks in an append blob; the blob after it takes the next number.</summary>
    public const int BlocksPerBlob = 50_000;

    private const int PrefixBytes = 8;
    private const int MaxBlockBytes = 4 * 1024 * 1024;

    private readonly BlobContainerClient _container;
    private readonly ILogger _logger;
    private readonly int _blocksPerBlob;
    private readonly Dictionary<string, ApiIndex> _byApi = [];

    public MediaAssetIndex(StorageConnection storage, ILogger<MediaAssetIndex> logger) : this(storage, logger, BlocksPerBlob)
    {
    }

    /// <summary>With a smaller block limit, for tests of what happens when a blob is full.</summary>
    internal MediaAssetIndex(StorageConnection storage, ILogger? logger = null, int blocksPerBlob = BlocksPerBlob)
    {
        _container = storage.Blobs.GetBlobContainerClient(ContainerName);
        _logger = logger ?? NullLogger.Instance;
        _blocksPerBlob = blocksPerBlob;
    }

    /// <summary>The contents (by SHA-256) the table may hold for this API: what was appended by any process so far.</summary>
    public async Task<IReadOnlyList<string>> MayHoldAsync(string apiKey, IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken)
    {
        var index = IndexFor(apiKey);
        await index.Gate.WaitAsync(cancellationToken);
        try
        {
            await ReadAppendedAsync(apiKey, index, cancellationToken);
            // A hash that is not hex cannot be indexed: ask the table.
            return sha256s.Where(sha256 => Prefix(sha256) is not { } prefix || index.Prefixes.Contains(prefix)).ToList();
        }
        catch (RequestFailedException e)
        {
            LogUnreadable(_logger, e, e.Status);
            return sha256s.ToList();
        }
        finally
        {
            index.Gate.Release();
        }
    }

    /// <summary>Appends these contents (saved to the table before: a reader that finds a prefix must find its row).</summary>
    public async Task AddAsync(string apiKey, IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken)
    {
        var prefixes = sha256s.Select(Prefix).OfType<ulong>().Distinct().ToList();
        if (prefixes.Count == 0) return;
        var bytes = new byte[prefixes.Count * PrefixBytes];
        for (var i = 0; i < prefixes.Count; i++) BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(i * PrefixBytes), prefixes[i]);

        var index = IndexFor(apiKey);
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += MaxBlockBytes)
                await AppendAsync(apiKey, index, bytes.AsMemory(offset, Math.Min(MaxBlockBytes, bytes.Length - offset)), cancellationToken);
        }
        catch (RequestFailedException e)
        {
            LogNotAppended(_logger, e, prefixes.Count, e.Status);
            return;
        }

        await index.Gate.WaitAsync(cancellationToken);
        try
        {
            index.Prefixes.UnionWith(prefixes);
        }
        finally
        {
            index.Gate.Release();
        }
    }

    private async Task AppendAsync(string apiKey, ApiIndex index, ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        while (true)
        {
            var number = index.LastBlobNumber;
            var blob = _container.GetAppendBlobClient(BlobName(apiKey, number));
            try
            {
                using var content = new MemoryStream(block.ToArray(), writable: false);
                var appended = await blob.AppendBlockAsync(content, cancellationToken: cancellationToken);
                if (appended.Value.BlobCommittedBlockCount >= _blocksPerBlob) index.MoveToBlobAfter(number);
                return;
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
            {
                await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlockCountExceedsLimit)
            {
                index.MoveToBlobAfter(number); // another process filled it first
            }
        }
    }

    /// <summary>Reads what every blob gained since this process last read it; a blob that shrank means the index was replaced.</summary>
    private async Task ReadAppendedAsync(string apiKey, ApiIndex index, CancellationToken cancellationToken)
    {
        var blobs = new List<(string Name, long Length)>();
        try
        {
            await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = apiKey + "/" }, cancellationToken))
                blobs.Add((item.Name, item.Properties.ContentLength ?? 0));
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // nothing saved yet
        }
        if (blobs.Any(b => b.Length < index.BytesRead.GetValueOrDefault(b.Name)) || index.BytesRead.Keys.Any(name => !blobs.Exists(b => b.Name == name)))
            index.Forget();

        foreach (var (name, length) in blobs)
        {
            index.SeeBlob(name);
            var read = index.BytesRead.GetValueOrDefault(name);
            var whole = length - (length % PrefixBytes); // appends are whole prefixes; anything else is not ours
            if (whole <= read) continue;
            var content = await _container.GetBlobClient(name).DownloadContentAsync(
                new BlobDownloadOptions { Range = new HttpRange(read, whole - read) }, cancellationToken);
            var bytes = content.Value.Content.ToMemory().Span;
            for (var offset = 0; offset + PrefixBytes <= bytes.Length; offset += PrefixBytes)
                index.Prefixes.Add(BinaryPrimitives.ReadUInt64BigEndian(bytes[offset..]));
            index.BytesRead[name] = read + bytes.Length - (bytes.Length % PrefixBytes);
        }
    }

    private ApiIndex IndexFor(string apiKey)
    {
        lock (_byApi)
        {
            if (!_byApi.TryGetValue(apiKey, out var index)) _byApi[apiKey] = index = new ApiIndex();
            return index;
        }
    }

    [LoggerMessage(EventId = 5701, Level = LogLevel.Warning, Message = "The MediaAssets index could not be read ({Status}); every image is looked up in the table.")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, int status);

    [LoggerMessage(EventId = 5702, Level = LogLevel.Warning, Message = "{Count} images could not be added to the MediaAssets index ({Status}); a later run uploads them once more.")]
    private static partial void LogNotAppended(ILogger logger, Exception exception, int count, int status);

    private static string BlobName(string apiKey, int number) => $"{apiKey}/{number.ToString("D6", CultureInfo.InvariantCulture)}";

    private static ulong? Prefix(string sha256) =>
        sha256.Length >= 16 && ulong.TryParse(sha256.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var prefix) ? prefix : null;

    /// <summary>One API's prefixes as this process has read them (guarded by <see cref="Gate"/>, except the blob number).</summary>
    private sealed class ApiIndex
    {
        private int _lastBlobNumber;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public HashSet<ulong> Prefixes { get; } = [];

        public Dictionary<string, long> BytesRead { get; } = [];

        /// <summary>The blob appends go to: the highest listed, or the one after a full blob.</summary>
        public int LastBlobNumber => Volatile.Read(ref _lastBlobNumber);

        public void SeeBlob(string name)
        {
            if (int.TryParse(name.AsSpan(name.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                RaiseTo(number);
        }

        public void MoveToBlobAfter(int number) => RaiseTo(number + 1);

        public void Forget()
        {
            Prefixes.Clear();
            BytesRead.Clear();
        }

        private void RaiseTo(int number)
        {
            var current = Volatile.Read(ref _lastBlobNumber);
            while (number > current)
            {
                var seen = Interlocked.CompareExchange(ref _lastBlobNumber, number, current);
                if (seen == current) return;
                current = seen;
            }
        }
    }
}

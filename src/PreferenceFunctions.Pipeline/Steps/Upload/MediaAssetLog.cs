using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// The images Rapidata already holds, per Rapidata API: append blobs <c>media-assets/{apiKey}/{n:D6}</c>, one block per
/// save (a chunk's new images), one JSON line per image (<see cref="MediaAsset"/>); the next number after
/// <see cref="BlocksPerBlob"/> appends. A chunk saves its new images with one append, where a table would take a row
/// each: on Azurite the 20,000 rows of 10,000 matchups cost its one thread about what the emulator needs for the whole
/// upload. Each process keeps, per content, where its record lies (8 bytes of the SHA-256 to a blob, offset and length:
/// about 30 bytes an image, not the record) and before a lookup reads only what was appended since: the log is listed
/// once, then only the last blob's properties are asked for (Azurite answers a listing by scanning every blob of the
/// account) and its new bytes read. A lookup reads the records it found with range reads (records closer than
/// <see cref="MergeGapBytes"/> in one read) and keeps only those whose full SHA-256 matches, so two contents sharing 8
/// bytes cost an upload, never a wrong asset. A blob that shrank or vanished means the log was replaced: what was read is
/// forgotten and the log listed and read again. Singleton: what was read is shared by every chunk of the process.
/// </summary>
public sealed class MediaAssetLog
{
    public const string ContainerName = "media-assets";

    /// <summary>Blob storage's limit of blocks in an append blob; the blob after it takes the next number.</summary>
    public const int BlocksPerBlob = 50_000;

    /// <summary>Records this close together are read in one range read.</summary>
    public const long MergeGapBytes = 64 * 1024;

    private const int MaxBlockBytes = 4 * 1024 * 1024;
    private const int ReadsInFlight = 8;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly BlobContainerClient _container;
    private readonly int _blocksPerBlob;
    private readonly Dictionary<string, ApiLog> _byApi = [];

    public MediaAssetLog(StorageConnection storage) : this(storage, BlocksPerBlob)
    {
    }

    /// <summary>With a smaller block limit, for tests of what happens when a blob is full.</summary>
    internal MediaAssetLog(StorageConnection storage, int blocksPerBlob)
    {
        _container = storage.Blobs.GetBlobContainerClient(ContainerName);
        _blocksPerBlob = blocksPerBlob;
    }

    /// <summary>The saved assets of these contents (by SHA-256) for this API, by SHA-256.</summary>
    public async Task<IReadOnlyDictionary<string, MediaAsset>> FindAsync(string apiKey, IReadOnlyCollection<string> sha256s, CancellationToken cancellationToken)
    {
        var log = LogFor(apiKey);
        var wanted = new List<(string Sha256, RecordAt At)>();
        await log.Gate.WaitAsync(cancellationToken);
        try
        {
            await ReadAppendedAsync(apiKey, log, cancellationToken);
            foreach (var sha256 in sha256s.Distinct(StringComparer.Ordinal))
            {
                if (Prefix(sha256) is { } prefix && log.Records.TryGetValue(prefix, out var at)) wanted.Add((sha256, at));
            }
        }
        finally
        {
            log.Gate.Release();
        }

        var found = new Dictionary<string, MediaAsset>(StringComparer.Ordinal);
        var ranges = Ranges(wanted.Select(w => w.At)).ToList();
        var read = new Dictionary<RecordAt, MediaAsset?>();
        var replaced = false;
        await Parallel.ForEachAsync(ranges, new ParallelOptions { MaxDegreeOfParallelism = ReadsInFlight, CancellationToken = cancellationToken }, async (range, ct) =>
        {
            ReadOnlyMemory<byte> bytes;
            try
            {
                bytes = (await _container.GetBlobClient(BlobName(apiKey, range.Blob))
                    .DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(range.Offset, range.Length) }, ct)).Value.Content.ToMemory();
            }
            catch (RequestFailedException e) when (e.Status is 404 or 416)
            {
                replaced = true; // an earlier blob was deleted or replaced since this process read it
                return;
            }
            foreach (var at in range.Records)
            {
                var start = (int)(at.Offset - range.Offset);
                var record = start + at.Length <= bytes.Length ? Parse(bytes.Span.Slice(start, at.Length)) : null;
                lock (read) read[at] = record;
            }
        });
        if (replaced)
        {
            await log.Gate.WaitAsync(cancellationToken);
            log.Forget(); // the next lookup lists the log again
            log.Gate.Release();
        }
        foreach (var (sha256, at) in wanted)
        {
            if (read.GetValueOrDefault(at) is { } asset && string.Equals(asset.Sha256, sha256, StringComparison.Ordinal)) found[sha256] = asset;
        }
        return found;
    }

    /// <summary>Saves these assets (images given by URL, which have no SHA-256, are not saved): one append per 4 MiB of records.</summary>
    public async Task AppendAsync(string apiKey, IReadOnlyCollection<MediaAsset> assets, CancellationToken cancellationToken)
    {
        var log = LogFor(apiKey);
        using var block = new MemoryStream();
        foreach (var asset in assets.Where(a => Prefix(a.Sha256) is not null).DistinctBy(a => a.Sha256))
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(asset, Json); // escapes line breaks: one record, one line
            if (block.Length > 0 && block.Length + line.Length + 1 > MaxBlockBytes)
            {
                await AppendBlockAsync(apiKey, log, block.ToArray(), cancellationToken);
                block.SetLength(0);
            }
            block.Write(line);
            block.WriteByte((byte)'\n');
        }
        if (block.Length > 0) await AppendBlockAsync(apiKey, log, block.ToArray(), cancellationToken);
    }

    private async Task AppendBlockAsync(string apiKey, ApiLog log, byte[] block, CancellationToken cancellationToken)
    {
        while (true)
        {
            var number = log.LastBlobNumber;
            var blob = _container.GetAppendBlobClient(BlobName(apiKey, number));
            try
            {
                using var content = new MemoryStream(block, writable: false);
                var appended = await blob.AppendBlockAsync(content, cancellationToken: cancellationToken);
                if (appended.Value.BlobCommittedBlockCount >= _blocksPerBlob) log.MoveToBlobAfter(number);
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
                log.MoveToBlobAfter(number); // another process filled it first
            }
        }
    }

    /// <summary>
    /// Reads what the log gained since this process last read it and notes where each record lies. Only the last blob
    /// grows (the ones before it are full), so once the log was listed a lookup asks for the last blob's properties, not
    /// for a listing: on Azurite a listing scans every blob of the account, a blob's properties are an index lookup.
    /// </summary>
    private async Task ReadAppendedAsync(string apiKey, ApiLog log, CancellationToken cancellationToken)
    {
        if (log.BytesRead.Count > 0 && await ReadLastBlobAsync(apiKey, log, cancellationToken)) return;

        log.Forget(); // never listed, or the last blob vanished or shrank: the log was replaced
        var blobs = new List<(int Number, long Length)>();
        try
        {
            await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = apiKey + "/" }, cancellationToken))
            {
                if (int.TryParse(item.Name.AsSpan(apiKey.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    blobs.Add((number, item.Properties.ContentLength ?? 0));
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // nothing saved yet
        }
        foreach (var (number, length) in blobs)
        {
            log.SeeBlob(number);
            await ReadRecordsAsync(apiKey, log, number, length, cancellationToken);
        }
    }

    /// <summary>What the last blob read (and any after it, once it is full) gained; false when it vanished or shrank.</summary>
    private async Task<bool> ReadLastBlobAsync(string apiKey, ApiLog log, CancellationToken cancellationToken)
    {
        for (var number = log.BytesRead.Keys.Max(); ; number++)
        {
            BlobProperties properties;
            try
            {
                properties = (await _container.GetBlobClient(BlobName(apiKey, number)).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return !log.BytesRead.ContainsKey(number); // a blob read before vanished (false), or the next one is not begun yet
            }
            if (properties.ContentLength < log.BytesRead.GetValueOrDefault(number)) return false;
            log.SeeBlob(number);
            await ReadRecordsAsync(apiKey, log, number, properties.ContentLength, cancellationToken);
            if (properties.BlobCommittedBlockCount < _blocksPerBlob) return true;
        }
    }

    /// <summary>Reads a blob from where this process stopped to <paramref name="length"/> and notes where each record lies.</summary>
    private async Task ReadRecordsAsync(string apiKey, ApiLog log, int number, long length, CancellationToken cancellationToken)
    {
        var from = log.BytesRead.GetValueOrDefault(number);
        if (length <= from) return;
        var content = await _container.GetBlobClient(BlobName(apiKey, number)).DownloadContentAsync(
            new BlobDownloadOptions { Range = new HttpRange(from, length - from) }, cancellationToken);
        var bytes = content.Value.Content.ToMemory().Span;
        var lineStart = 0;
        while (bytes[lineStart..].IndexOf((byte)'\n') is var lineLength and >= 0)
        {
            if (Parse(bytes.Slice(lineStart, lineLength)) is { } asset && Prefix(asset.Sha256) is { } prefix)
                log.Records[prefix] = new RecordAt(number, from + lineStart, lineLength);
            lineStart += lineLength + 1;
        }
        log.BytesRead[number] = from + lineStart; // appends are whole lines; a partial one is read again next time
    }

    /// <summary>The records' blob ranges, neighbours closer than <see cref="MergeGapBytes"/> in one read.</summary>
    private static IEnumerable<RecordRange> Ranges(IEnumerable<RecordAt> records)
    {
        foreach (var blob in records.Distinct().GroupBy(r => r.Blob))
        {
            RecordRange? range = null;
            foreach (var at in blob.OrderBy(r => r.Offset))
            {
                if (range is not null && at.Offset - (range.Offset + range.Length) <= MergeGapBytes)
                {
                    range.Records.Add(at);
                    range.Length = Math.Max(range.Length, at.Offset + at.Length - range.Offset);
                    continue;
                }
                if (range is not null) yield return range;
                range = new RecordRange(blob.Key, at.Offset) { Length = at.Length, Records = { at } };
            }
            if (range is not null) yield return range;
        }
    }

    /// <summary>A record, or null for a line that is not one (the log is written only by this app; anything else is skipped).</summary>
    private static MediaAsset? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize<MediaAsset>(line, Json) is { Sha256: not null, AssetName.Length: > 0 } asset ? asset : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private ApiLog LogFor(string apiKey)
    {
        lock (_byApi)
        {
            if (!_byApi.TryGetValue(apiKey, out var log)) _byApi[apiKey] = log = new ApiLog();
            return log;
        }
    }

    private static string BlobName(string apiKey, int number) => $"{apiKey}/{number.ToString("D6", CultureInfo.InvariantCulture)}";

    private static ulong? Prefix(string? sha256) =>
        sha256 is { Length: 64 } && ulong.TryParse(sha256.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var prefix) ? prefix : null;

    private readonly record struct RecordAt(int Blob, long Offset, int Length);

    private sealed class RecordRange(int blob, long offset)
    {
        public int Blob { get; } = blob;
        public long Offset { get; } = offset;
        public long Length { get; set; }
        public List<RecordAt> Records { get; } = [];
    }

    /// <summary>One API's records as this process has read them (guarded by <see cref="Gate"/>, except the blob number).</summary>
    private sealed class ApiLog
    {
        private int _lastBlobNumber;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Where each content's record lies, by the first 8 bytes of its SHA-256 (the latest record wins).</summary>
        public Dictionary<ulong, RecordAt> Records { get; } = [];

        public Dictionary<int, long> BytesRead { get; } = [];

        /// <summary>The blob appends go to: the highest listed, or the one after a full blob.</summary>
        public int LastBlobNumber => Volatile.Read(ref _lastBlobNumber);

        public void SeeBlob(int number) => RaiseTo(number);

        public void MoveToBlobAfter(int number) => RaiseTo(number + 1);

        public void Forget()
        {
            Records.Clear();
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

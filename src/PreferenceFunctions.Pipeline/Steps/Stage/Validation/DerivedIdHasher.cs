using System.Buffers;
using System.Collections.Concurrent;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Derived ids (<see cref="MatchupIds.DeriveHash(ReadOnlySpan{byte})"/>, a SHA-256 per row, ~0.5 µs) computed on a second
/// thread while the CSV pass goes on: rows' contents are written into 256 KiB batches that one dedicated thread hashes.
/// A small CSV (one batch) is hashed on the caller's thread and starts no thread. At most two batches wait, so memory stays bounded.
/// </summary>
internal sealed class DerivedIdHasher : IDisposable
{
    private const int BatchBytes = 256 * 1024;
    private readonly BlockingCollection<Batch> _full = new(boundedCapacity: 2);
    private readonly List<ulong[]> _hashed = [];
    private Batch _batch = Batch.Rent(BatchBytes);
    private Task? _worker;

    public void Add(ReadOnlySpan<char> prompt, string image1Path, string image2Path)
    {
        var most = MatchupIds.MaxContentBytes(prompt, image1Path, image2Path);
        if (_batch.Length + most > _batch.Buffer.Length && _batch.Ends.Count > 0) Hand();
        if (most > _batch.Buffer.Length) _batch.Grow(most);
        _batch.Length += MatchupIds.WriteContent(prompt, image1Path, image2Path, _batch.Buffer.AsSpan(_batch.Length));
        _batch.Ends.Add(_batch.Length);
    }

    /// <summary>Every derived id, in the order added.</summary>
    public ulong[] Complete()
    {
        _full.CompleteAdding();
        _worker?.GetAwaiter().GetResult();
        _hashed.Add(_batch.Hash());
        return [.. _hashed.SelectMany(h => h)];
    }

    public void Dispose()
    {
        if (!_full.IsAddingCompleted) _full.CompleteAdding();
        _worker?.Wait();
        _full.Dispose();
        _batch.Return();
    }

    private void Hand()
    {
        _worker ??= Task.Factory.StartNew(() =>
        {
            foreach (var batch in _full.GetConsumingEnumerable()) _hashed.Add(batch.Hash());
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _full.Add(_batch);
        _batch = Batch.Rent(BatchBytes);
    }

    private sealed class Batch(byte[] buffer)
    {
        public byte[] Buffer { get; private set; } = buffer;
        public List<int> Ends { get; } = [];
        public int Length { get; set; }

        public static Batch Rent(int bytes) => new(ArrayPool<byte>.Shared.Rent(bytes));

        public void Grow(int bytes)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = ArrayPool<byte>.Shared.Rent(bytes);
        }

        /// <summary>Hashes each row's content and returns the buffer to the pool.</summary>
        public ulong[] Hash()
        {
            var hashes = new ulong[Ends.Count];
            var start = 0;
            for (var i = 0; i < hashes.Length; i++) (hashes[i], start) = (MatchupIds.DeriveHash(Buffer.AsSpan(start, Ends[i] - start)), Ends[i]);
            Return();
            return hashes;
        }

        public void Return()
        {
            if (Buffer.Length > 0) ArrayPool<byte>.Shared.Return(Buffer);
            Buffer = [];
        }
    }
}

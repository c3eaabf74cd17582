using System.Collections.Concurrent;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Hands full batches, in order, to one dedicated thread that applies <paramref name="apply"/> to each, and gives the
/// applied batches back for reuse. At most two batches wait, so at most four exist. A file of one batch is applied on
/// the caller's thread and starts no thread (<see cref="Finish"/> without any <see cref="Hand"/>).
/// </summary>
internal sealed class BatchHandOff<T>(Func<T> create, Action<T> apply) : IDisposable where T : class
{
    private readonly BlockingCollection<T> _full = new(boundedCapacity: 2);
    private readonly ConcurrentQueue<T> _applied = new();
    private readonly CancellationTokenSource _failed = new();
    private Task? _worker;

    /// <summary>An empty batch: one the worker has applied, else a new one.</summary>
    public T Rent() => _applied.TryDequeue(out var batch) ? batch : create();

    /// <summary>Queues a full batch; waits while two are waiting. Throws the worker's exception if it failed.</summary>
    public void Hand(T batch)
    {
        _worker ??= Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            _full.Add(batch, _failed.Token);
        }
        catch (OperationCanceledException)
        {
            _worker.GetAwaiter().GetResult(); // the worker's own exception, not the cancellation it caused
            throw;
        }
    }

    /// <summary>Applies the last batch (on this thread when it is the only one) and returns once every batch is applied.</summary>
    public void Finish(T last)
    {
        if (_worker is null)
        {
            apply(last);
            return;
        }
        Hand(last);
        _full.CompleteAdding();
        _worker.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        if (!_full.IsAddingCompleted) _full.CompleteAdding();
        // Only after a failure of the caller (else Finish waited already): the worker drains what was handed, its outcome no longer matters.
        _worker?.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        _full.Dispose();
        _failed.Dispose();
    }

    private void Work()
    {
        try
        {
            foreach (var batch in _full.GetConsumingEnumerable())
            {
                apply(batch);
                _applied.Enqueue(batch);
            }
        }
        catch
        {
            _failed.Cancel(); // unblocks a caller waiting to hand a batch
            throw;
        }
    }
}

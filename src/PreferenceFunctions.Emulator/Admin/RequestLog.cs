using System.Collections.Concurrent;

namespace PreferenceFunctions.Emulator.Admin;

/// <summary>The most recent requests received, bounded by <see cref="EmulatorOptions.RequestLogCapacity"/>.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestLogEntry> entries = new();
    private readonly int capacity;
    private int count;

    internal RequestLog(EmulatorOptions options) => capacity = Math.Max(1, options.RequestLogCapacity);

    /// <summary>The logged requests, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Entries => [.. entries];

    /// <summary>Forgets every logged request.</summary>
    public void Clear()
    {
        entries.Clear();
        Interlocked.Exchange(ref count, 0);
    }

    internal void Add(RequestLogEntry entry)
    {
        entries.Enqueue(entry);
        if (Interlocked.Increment(ref count) > capacity && entries.TryDequeue(out _))
        {
            Interlocked.Decrement(ref count);
        }
    }
}

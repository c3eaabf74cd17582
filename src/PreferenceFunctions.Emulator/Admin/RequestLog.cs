using System.Collections.Concurrent;

namespace PreferenceFunctions.Emulator.Admin;

/// <summary>The most recent requests received, bounded by <see cref="EmulatorOptions.RequestLogCapacity"/>.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestLogEntry> entries = new();
    private readonly int capacity;

    internal RequestLog(EmulatorOptions options) => capacity = Math.Max(1, options.RequestLogCapacity);

    /// <summary>The logged requests, oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Entries => [.. entries];

    /// <summary>Forgets every logged request.</summary>
    public void Clear() => entries.Clear();

    internal void Add(RequestLogEntry entry)
    {
        entries.Enqueue(entry);
        while (entries.Count > capacity && entries.TryDequeue(out _))
        {
        }
    }
}

using System.Diagnostics;

namespace PreferenceFunctions.Emulator.Bench;

/// <summary>Runs <c>count</c> requests with a fixed number in flight and reports requests per second.</summary>
internal static class ConcurrentLoad
{
    public static async Task<double> RunAsync(int count, int concurrency, Func<int, Task> request)
    {
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                await request(index);
            }
        }));
        return count / stopwatch.Elapsed.TotalSeconds;
    }
}

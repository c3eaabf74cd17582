using System.Diagnostics;

namespace PreferenceFunctions.Analysis.Bench;

/// <summary>Runs a step several times in this process and keeps the median wall and CPU time (user + sys, all threads).</summary>
internal sealed record Measure(double WallSeconds, double CpuSeconds)
{
    public static Measure Median(int repeats, Action step)
    {
        var runs = new List<Measure>();
        for (var i = 0; i < repeats; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            step();
            runs.Add(new Measure(wall.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds));
        }
        return new Measure(runs.Select(r => r.WallSeconds).Order().ElementAt(repeats / 2), runs.Select(r => r.CpuSeconds).Order().ElementAt(repeats / 2));
    }

    /// <summary>"0.52 s wall / 0.45 s CPU = 600 MB/s wall, 700 MB/s CPU".</summary>
    public string Describe(double? megabytes) => $"{WallSeconds:N2} s wall / {CpuSeconds:N2} s CPU" +
        (megabytes is { } mb ? $" = {mb / WallSeconds:N0} MB/s wall, {mb / CpuSeconds:N0} MB/s CPU" : "");
}

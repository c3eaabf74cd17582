using System.Diagnostics;
using System.Globalization;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>
/// The CPU time of each thread of a child process (Linux: /proc/PID/task/TID/stat, polled every 20 ms until it exits).
/// On a loaded machine the wall time measures the neighbours; the busiest thread's CPU is the pass's critical path,
/// which is what its wall time on an idle machine would be.
/// </summary>
internal static class ThreadCpu
{
    public static IReadOnlyList<(string Thread, double Cpu)> Of(ProcessStartInfo start)
    {
        const double ticksPerSecond = 100; // USER_HZ on Linux
        var last = new Dictionary<string, (string Name, double Cpu)>();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var tasks = $"/proc/{process.Id}/task";
        while (!process.HasExited)
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories(tasks))
                {
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    last[task] = (name, (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ticksPerSecond);
                }
            }
            catch (IOException) { } // the process or a thread ended while being read
            catch (UnauthorizedAccessException) { }
            Thread.Sleep(20);
        }
        output.Wait();
        return [.. last.Values.OrderByDescending(t => t.Cpu)];
    }
}

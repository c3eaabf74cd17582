using System.Diagnostics;

namespace PreferenceFunctions.Analysis.Bench;

/// <summary>Wall and process CPU time per phase ("1.23 s wall / 1.50 s CPU").</summary>
internal sealed class PhaseClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    private TimeSpan _lastWall;
    private TimeSpan _lastCpu;
    private TimeSpan _lapWall;
    private TimeSpan _lapCpu;

    public PhaseClock() => _lastCpu = _cpuStart;

    public string Total => Format(_wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - _cpuStart);

    public double WallSeconds => _wall.Elapsed.TotalSeconds;

    public string Lap()
    {
        var (wall, cpu) = (_wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime);
        (_lapWall, _lapCpu) = (wall - _lastWall, cpu - _lastCpu);
        (_lastWall, _lastCpu) = (wall, cpu);
        return Format(_lapWall, _lapCpu);
    }

    /// <summary>Megabytes per second of the last lap, by wall and by CPU time.</summary>
    public string Throughput(double megabytes) =>
        $"{megabytes / _lapWall.TotalSeconds:N0} MB/s wall, {megabytes / _lapCpu.TotalSeconds:N0} MB/s CPU";

    private static string Format(TimeSpan wall, TimeSpan cpu) => $"{wall.TotalSeconds:N2} s wall / {cpu.TotalSeconds:N2} s CPU";
}

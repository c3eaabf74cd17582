using System.Diagnostics;

namespace PreferenceFunctions.Analysis.Bench;

/// <summary>Wall and process CPU time per phase ("1.23 s wall / 1.50 s CPU").</summary>
internal sealed class PhaseClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
    private TimeSpan _lastWall;
    private TimeSpan _lastCpu;

    public PhaseClock() => _lastCpu = _cpuStart;

    public string Total => Format(_wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - _cpuStart);

    public string Lap()
    {
        var (wall, cpu) = (_wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime);
        var text = Format(wall - _lastWall, cpu - _lastCpu);
        (_lastWall, _lastCpu) = (wall, cpu);
        return text;
    }

    private static string Format(TimeSpan wall, TimeSpan cpu) => $"{wall.TotalSeconds:N2} s wall / {cpu.TotalSeconds:N2} s CPU";
}

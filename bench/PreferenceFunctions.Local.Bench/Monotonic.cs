using System.Diagnostics;

namespace PreferenceFunctions.Local.Bench;

/// <summary>The monotonic clock perf records with (<c>perf record -k CLOCK_MONOTONIC</c>; Stopwatch on Linux), in seconds:
/// the windows the bench prints on it let a profile of the whole run be cut by phase.</summary>
internal static class Monotonic
{
    public static double Seconds => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
}

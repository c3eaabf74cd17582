namespace PreferenceFunctions.Analysis.Bench;

/// <summary>The 1-minute load average: how many threads competed for the cores while a figure was taken.</summary>
internal static class Load
{
    public static string Average() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}

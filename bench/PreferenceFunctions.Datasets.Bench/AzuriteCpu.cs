using System.Globalization;
using System.Text.RegularExpressions;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>
/// CPU time of the Azurite process serving a connection string's blob port (read from /proc), so a storage-bound bench
/// can show the storage emulator's share next to its own. Zero where /proc or the process is not found.
/// </summary>
internal sealed partial class AzuriteCpu(int? processId)
{
    public static AzuriteCpu ForConnectionString(string connectionString) => ForBlobPort(BlobPort().Match(connectionString).Groups[1].Value);

    public static AzuriteCpu ForBlobPort(string port)
    {
        if (!Directory.Exists("/proc")) return new AzuriteCpu(null);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var portIndex = Array.IndexOf(arguments, "--blobPort");
                // node running azurite, not the shell that started it (whose arguments name the same port)
                if (Path.GetFileName(arguments[0]) == "node" && arguments.Any(a => a.EndsWith("azurite", StringComparison.Ordinal))
                    && portIndex >= 0 && arguments.ElementAtOrDefault(portIndex + 1) == port)
                    return new AzuriteCpu(pid);
            }
            catch (IOException)
            {
                // the process ended while it was read
            }
        }
        return new AzuriteCpu(null);
    }

    /// <summary>User + system seconds the process has used so far.</summary>
    public double Seconds()
    {
        if (processId is not { } pid) return 0;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0; // utime, stime in clock ticks (USER_HZ = 100)
    }

    [GeneratedRegex(@"BlobEndpoint=http://[^:]+:(\d+)/")]
    private static partial Regex BlobPort();
}

using System.Diagnostics;
using System.Globalization;

namespace PreferenceFunctions.Analysis.Bench;

/// <summary>
/// The user's command as a separate process, `dotnet src/PreferenceFunctions.Local/bin/Release/net10.0/PreferenceFunctions.Local.dll
/// analyze &lt;file&gt; --output &lt;dir&gt;`, timed by /usr/bin/time (wall, user + sys CPU, peak resident memory).
/// </summary>
internal sealed record AnalyzeCommandRun(double WallSeconds, double CpuSeconds, double PeakMegabytes)
{
    public override string ToString() =>
        $"{WallSeconds:N2} s wall / {CpuSeconds:N2} s CPU, peak {PeakMegabytes:N0} MB (load average {Load.Average()})";

    /// <summary>The median of <paramref name="repeats"/> runs; null when the Release program is not built or /usr/bin/time is missing.</summary>
    public static AnalyzeCommandRun? Median(int repeats, string resultsPath, int rounds)
    {
        var program = ProgramPath();
        if (program is null || !File.Exists("/usr/bin/time")) return null;
        var output = Directory.CreateTempSubdirectory("analyze-bench-").FullName;
        try
        {
            var runs = Enumerable.Range(0, repeats).Select(_ => Run(program, resultsPath, output, rounds)).ToList();
            return new AnalyzeCommandRun(runs.Select(r => r.WallSeconds).Order().ElementAt(repeats / 2),
                runs.Select(r => r.CpuSeconds).Order().ElementAt(repeats / 2), runs.Select(r => r.PeakMegabytes).Order().ElementAt(repeats / 2));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static AnalyzeCommandRun Run(string program, string resultsPath, string output, int rounds)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "%e %U %S %M", "dotnet", program, "analyze", resultsPath, "--output", output,
                     "--bootstrap", rounds.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"analyze failed (exit {process.ExitCode}): {stdout.Result}{stderr}");
        var figures = stderr.Trim().Split('\n')[^1].Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new AnalyzeCommandRun(figures[0], figures[1] + figures[2], figures[3] / 1024);
    }

    private static string? ProgramPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "PreferenceFunctions.sln"))) continue;
            var program = Path.Combine(dir.FullName, "src", "PreferenceFunctions.Local", "bin", "Release", "net10.0", "PreferenceFunctions.Local.dll");
            return File.Exists(program) ? program : null;
        }
        return null;
    }
}

using System.Diagnostics;
using System.Globalization;

namespace PreferenceFunctions.Analysis.Bench;

/// <summary>
/// The user's command as a separate process, `dotnet src/PreferenceFunctions.Local/bin/Release/net10.0/PreferenceFunctions.Local.dll
/// analyze &lt;file&gt; --output &lt;dir&gt;` or the native CLI's `artifacts/cli/PreferenceFunctions.Cli analyze ...`, timed by
/// /usr/bin/time (wall, user + sys CPU, peak resident memory).
/// </summary>
internal sealed record AnalyzeCommandRun(double WallSeconds, double CpuSeconds, double PeakMegabytes)
{
    public override string ToString() =>
        $"{WallSeconds:N2} s wall / {CpuSeconds:N2} s CPU, peak {PeakMegabytes:N0} MB (load average {Load.Average()})";

    /// <summary>
    /// The median of <paramref name="repeats"/> runs of <paramref name="command"/> (the program and the arguments before
    /// <c>analyze</c>); null when there is no program or /usr/bin/time is missing.
    /// </summary>
    public static AnalyzeCommandRun? Median(int repeats, string[]? command, string resultsPath, int rounds)
    {
        if (command is null || !File.Exists("/usr/bin/time")) return null;
        var output = Directory.CreateTempSubdirectory("analyze-bench-").FullName;
        try
        {
            var runs = Enumerable.Range(0, repeats).Select(_ => Run(command, resultsPath, output, rounds)).ToList();
            return new AnalyzeCommandRun(runs.Select(r => r.WallSeconds).Order().ElementAt(repeats / 2),
                runs.Select(r => r.CpuSeconds).Order().ElementAt(repeats / 2), runs.Select(r => r.PeakMegabytes).Order().ElementAt(repeats / 2));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static AnalyzeCommandRun Run(string[] command, string resultsPath, string output, int rounds)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = ["-f", "%e %U %S %M", .. command, "analyze", resultsPath, "--output", output,
            "--bootstrap", rounds.ToString(CultureInfo.InvariantCulture)];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"analyze failed (exit {process.ExitCode}): {stdout.Result}{stderr}");
        var figures = stderr.Trim().Split('\n')[^1].Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return new AnalyzeCommandRun(figures[0], figures[1] + figures[2], figures[3] / 1024);
    }

    /// <summary>The built Release program as <c>dotnet &lt;dll&gt;</c>; null when it is not built.</summary>
    public static string[]? ReleaseProgram(string repositoryRoot)
    {
        var program = Path.Combine(repositoryRoot, "src", "PreferenceFunctions.Local", "bin", "Release", "net10.0", "PreferenceFunctions.Local.dll");
        return File.Exists(program) ? ["dotnet", program] : null;
    }
}

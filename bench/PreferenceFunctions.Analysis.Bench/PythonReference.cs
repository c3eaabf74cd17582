using System.Diagnostics;
using System.Globalization;

namespace PreferenceFunctions.Analysis.Bench;

/// <summary>
/// Runs a reference script from bench/reference with python3 when pandas and scikit-learn are installed; the
/// script prints "seconds peak_megabytes" on its last line.
/// </summary>
internal static class PythonReference
{
    public sealed record Result(double Seconds, double PeakMegabytes);

    public static Result? Run(string script, params string[] arguments)
    {
        if (Python("-c", "import pandas, sklearn") is not { ExitCode: 0 }) return null;
        var run = Python([Path.Combine(ReferenceFolder(), script), .. arguments]);
        if (run is not { ExitCode: 0 }) throw new InvalidOperationException($"{script} failed: {run?.Error}");
        var last = run.Output.Trim().Split('\n')[^1].Split(' ');
        return new Result(double.Parse(last[0], CultureInfo.InvariantCulture), double.Parse(last[1], CultureInfo.InvariantCulture));
    }

    private sealed record Exit(int ExitCode, string Output, string Error);

    private static Exit? Python(params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return new Exit(process.ExitCode, output.Result, error);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no python3 on the PATH
        }
    }

    private static string ReferenceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "bench", "reference");
            if (Directory.Exists(folder)) return folder;
        }
        throw new InvalidOperationException("bench/reference not found: run the benchmark from inside the repository.");
    }
}

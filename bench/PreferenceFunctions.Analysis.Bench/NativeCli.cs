using System.Diagnostics;

namespace PreferenceFunctions.Analysis.Bench;

/// <summary>
/// The native file-commands program (Native AOT), where the README publishes it: artifacts/cli/PreferenceFunctions.Cli.
/// Published here first when missing or older than its sources, so a bench never times stale code.
/// </summary>
internal static class NativeCli
{
    private static readonly string[] PublishArguments = ["publish", "src/PreferenceFunctions.Cli", "-c", "Release", "-o", "artifacts/cli"];
    private static readonly string[] SourceProjects =
        ["PreferenceFunctions.Cli", "PreferenceFunctions.Pipeline", "PreferenceFunctions.Rapidata"];

    /// <summary>The published program, publishing it first if needed; null (with the reason printed) when the publish fails.</summary>
    public static string? EnsurePublished(string repositoryRoot)
    {
        var program = Path.Combine(repositoryRoot, "artifacts", "cli", "PreferenceFunctions.Cli");
        var newestSource = SourceProjects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(repositoryRoot, "src", project), "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal))
            .Max(File.GetLastWriteTimeUtc);
        if (File.Exists(program) && File.GetLastWriteTimeUtc(program) >= newestSource) return program;

        Console.WriteLine($"  publishing the native CLI: dotnet {string.Join(' ', PublishArguments)}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in PublishArguments) start.ArgumentList.Add(argument);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(program))
        {
            Console.WriteLine($"  native CLI: publish failed (exit {process.ExitCode}): {output.Result.Trim()} {error.Trim()}");
            return null;
        }
        // An up-to-date publish may keep the old file time; the sources are older than this moment either way.
        File.SetLastWriteTimeUtc(program, DateTime.UtcNow);
        Console.WriteLine($"  published in {watch.Elapsed.TotalSeconds:N0} s wall, {new FileInfo(program).Length / 1e6:N0} MB binary; " +
            $"load average {Load.Average()}");
        return program;
    }
}

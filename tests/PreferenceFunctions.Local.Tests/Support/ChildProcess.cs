using System.Collections.Concurrent;
using System.Diagnostics;

namespace PreferenceFunctions.Local.Tests.Support;

/// <summary>
/// A <c>dotnet</c> child process with its own environment, its output kept for failure messages, killed (with its whole
/// tree, like kill -9) by its process id on <see cref="Kill"/> or dispose.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join(Environment.NewLine, _output);

    public static ChildProcess StartDotnet(string assemblyPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet {assemblyPath}"));
    }

    /// <summary>Ends the process at once (SIGKILL), no shutdown code runs: a crash.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

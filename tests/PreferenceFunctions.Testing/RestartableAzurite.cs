using System.Diagnostics;
using System.Globalization;

namespace PreferenceFunctions.Testing;

/// <summary>
/// An Azurite of one test's own, persisted to a temporary folder, that the test can stop (a storage outage) and start
/// again on the same ports with the same data. Stopped by its process id on dispose; the folder is deleted.
/// </summary>
public sealed class RestartableAzurite : IAsyncDisposable
{
    private readonly int[] _ports = [FreePort.Next(), FreePort.Next(), FreePort.Next()];
    private readonly string _location = Path.Combine(Path.GetTempPath(), "azurite-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    private RestartableAzurite()
    {
    }

    public string ConnectionString => Azurite.ConnectionString(_ports[0], _ports[1], _ports[2]);

    public static async Task<RestartableAzurite> StartAsync()
    {
        var azurite = new RestartableAzurite();
        Directory.CreateDirectory(azurite._location);
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>Stops Azurite the way an operator would (SIGTERM: it saves its data and closes its ports).</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Starts Azurite (again) on the same ports with the data it had when stopped.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Path.Combine(Azurite.RepositoryRoot(), "node_modules", ".bin", "azurite"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NODE_OPTIONS"] = Azurite.WithYoungGeneration(Environment.GetEnvironmentVariable("NODE_OPTIONS")) },
        };
        foreach (var argument in new[]
        {
            "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", _location,
            "--blobHost", "127.0.0.1", "--blobPort", _ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", _ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", _ports[2].ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite (run npm ci first).");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await Azurite.PortsOpenAsync(_ports))
        {
            if (_process.HasExited) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before its ports opened.");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Azurite did not open its ports within 60 s.");
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
            _process?.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temp folder is cleaned by the system.
        }
        return ValueTask.CompletedTask;
    }
}

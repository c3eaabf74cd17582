using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PreferenceFunctions.Local.Demo;

/// <summary>
/// Azurite for the demo: the one already listening on 127.0.0.1:10000-10002 if there is one, else one started here
/// (in memory, pinned version, 127.0.0.1 only) and stopped by its process id on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string PinnedPackage = "azurite@3.37.0";
    private static readonly int[] Ports = [10000, 10001, 10002];
    private readonly Process? _process;

    private AzuriteProcess(Process? process) => _process = process;

    /// <summary>True when this demo started Azurite (and will stop it).</summary>
    public bool StartedHere => _process is not null;

    public static async Task<AzuriteProcess> EnsureRunningAsync(TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        if (await PortsOpenAsync(cancellationToken)) return new AzuriteProcess(null);
        var process = Start();
        var deadline = DateTime.UtcNow + startTimeout; // npx may download Azurite first
        while (!await PortsOpenAsync(cancellationToken))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before it listened on 127.0.0.1:10000-10002.");
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Azurite did not listen on 127.0.0.1:10000-10002 within {startTimeout.TotalSeconds:0} s.");
            }
            await Task.Delay(200, cancellationToken);
        }
        return new AzuriteProcess(process);
    }

    private static Process Start()
    {
        var local = Path.Combine(Environment.CurrentDirectory, "node_modules", ".bin", "azurite");
        var start = File.Exists(local) ? new ProcessStartInfo(local) : new ProcessStartInfo("npx");
        if (!File.Exists(local))
        {
            start.ArgumentList.Add("--yes");
            start.ArgumentList.Add(PinnedPackage);
        }
        foreach (var argument in new[]
        {
            "--silent", "--inMemoryPersistence", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        try
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start Azurite with '{start.FileName}': {e.Message}. Install Node.js (npx), or start Azurite yourself.", e);
        }
    }

    private static async Task<bool> PortsOpenAsync(CancellationToken cancellationToken)
    {
        foreach (var port in Ports)
        {
            using var client = new TcpClient();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
                await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            }
            catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return false;
            }
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        finally
        {
            _process.Dispose();
        }
    }
}

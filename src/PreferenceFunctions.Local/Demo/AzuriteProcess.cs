using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PreferenceFunctions.Local.Demo;

/// <summary>
/// Azurite for the demo and the benchmark, stopped by its process id on dispose when started here (in memory, pinned
/// version, 127.0.0.1 only). <see cref="StartPrivateAsync"/> starts one on free ports that no other host knows of (the
/// demo's own storage namespace); <see cref="EnsureRunningAsync"/> uses the one on 127.0.0.1:10000-10002, or starts it.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string PinnedPackage = "azurite@3.37.0";

    /// <summary>
    /// A 64 MB young generation for Azurite's Node.js (V8's default is 16 MB): every request allocates short-lived
    /// objects, and with the default the scavenger made a blob read cost Azurite a third more CPU (docs/performance.md).
    /// </summary>
    public const string YoungGeneration = "--max-semi-space-size=64";

    /// <summary>Azurite's well-known development account key (not a secret: it is the same in every Azurite).</summary>
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly int[] DefaultPorts = [10000, 10001, 10002];
    private readonly Process? _process;

    private AzuriteProcess(Process? process, int[] ports)
    {
        _process = process;
        Ports = ports;
    }

    /// <summary>True when this demo started Azurite (and will stop it).</summary>
    public bool StartedHere => _process is not null;

    /// <summary>Blob, queue and table ports on 127.0.0.1.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>The connection string for <c>AzureWebJobsStorage</c>.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};" +
        string.Create(CultureInfo.InvariantCulture, $"BlobEndpoint=http://127.0.0.1:{Ports[0]}/devstoreaccount1;") +
        string.Create(CultureInfo.InvariantCulture, $"QueueEndpoint=http://127.0.0.1:{Ports[1]}/devstoreaccount1;") +
        string.Create(CultureInfo.InvariantCulture, $"TableEndpoint=http://127.0.0.1:{Ports[2]}/devstoreaccount1;");

    /// <summary>True when something listens on Azurite's default ports (another host's storage, usually).</summary>
    public static Task<bool> DefaultPortsInUseAsync(CancellationToken cancellationToken) =>
        PortsOpenAsync(DefaultPorts, cancellationToken);

    public static async Task<AzuriteProcess> EnsureRunningAsync(TimeSpan startTimeout, CancellationToken cancellationToken) =>
        await PortsOpenAsync(DefaultPorts, cancellationToken)
            ? new AzuriteProcess(null, DefaultPorts)
            : await StartAsync(DefaultPorts, startTimeout, cancellationToken);

    /// <summary>A new in-memory Azurite on free ports of 127.0.0.1: storage no other host shares.</summary>
    public static Task<AzuriteProcess> StartPrivateAsync(TimeSpan startTimeout, CancellationToken cancellationToken) =>
        StartAsync([FreeLoopbackPort(), FreeLoopbackPort(), FreeLoopbackPort()], startTimeout, cancellationToken);

    private static async Task<AzuriteProcess> StartAsync(int[] ports, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var process = Start(ports);
        var where = $"127.0.0.1:{string.Join(",", ports)}";
        var deadline = DateTime.UtcNow + startTimeout; // npx may download Azurite first
        while (!await PortsOpenAsync(ports, cancellationToken))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before it listened on {where}.");
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Azurite did not listen on {where} within {startTimeout.TotalSeconds:0} s.");
            }
            await Task.Delay(200, cancellationToken);
        }
        return new AzuriteProcess(process, ports);
    }

    private static Process Start(int[] ports)
    {
        var local = LocalAzurite();
        var start = local is not null ? new ProcessStartInfo(local) : new ProcessStartInfo("npx");
        if (local is null)
        {
            start.ArgumentList.Add("--yes");
            start.ArgumentList.Add(PinnedPackage);
        }
        foreach (var argument in new[]
        {
            "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }
        var nodeOptions = Environment.GetEnvironmentVariable("NODE_OPTIONS");
        start.Environment["NODE_OPTIONS"] = string.IsNullOrWhiteSpace(nodeOptions) ? YoungGeneration : $"{nodeOptions} {YoungGeneration}";
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

    /// <summary><c>node_modules/.bin/azurite</c> (after <c>npm ci</c>) in the current folder or above, else null (then npx).</summary>
    private static string? LocalAzurite()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> PortsOpenAsync(int[] ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
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

using System.Globalization;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PreferenceFunctions.Testing;

/// <summary>
/// Azure Storage for tests: the Azurite on the default ports if one runs (CI starts one), else a private
/// in-memory Azurite on free ports, started once per test assembly and stopped by its process id at exit.
/// Starting a private one keeps parallel test assemblies from stopping each other's storage.
/// </summary>
public static class Azurite
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;
    private static Process? _process;

    /// <summary>Connection string of a running Azurite, starting one if needed.</summary>
    public static async Task<string> GetConnectionStringAsync()
    {
        if (_connectionString is not null) return _connectionString;
        await Gate.WaitAsync();
        try
        {
            if (_connectionString is not null) return _connectionString;
            if (await PortsOpenAsync(10000, 10001, 10002))
            {
                _connectionString = ConnectionString(10000, 10001, 10002);
                return _connectionString;
            }
            _connectionString = await StartPrivateAsync();
            return _connectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static string ConnectionString(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    private static async Task<string> StartPrivateAsync()
    {
        var (blob, queue, table) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var root = RepositoryRoot();
        var local = Path.Combine(root, "node_modules", ".bin", "azurite");
        // A test host can be ended without running exit handlers, so a small shell watchdog stops Azurite (its whole
        // process group, npx included) as soon as the test process is gone.
        var start = new ProcessStartInfo("bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -m; parent=$1; shift; \"$@\" & child=$!; " +
            "while kill -0 \"$parent\" 2>/dev/null && kill -0 \"$child\" 2>/dev/null; do sleep 1; done; kill -- -\"$child\" 2>/dev/null; " +
            "sleep 3; kill -9 -- -\"$child\" 2>/dev/null"); // Azurite may not end on SIGTERM (seen with open connections)
        start.ArgumentList.Add("azurite-for-tests");
        start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (File.Exists(local))
        {
            start.ArgumentList.Add(local);
        }
        else
        {
            start.ArgumentList.Add("npx");
            start.ArgumentList.Add("--yes");
            start.ArgumentList.Add("azurite@3.37.0");
        }
        foreach (var arg in new[]
        {
            "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.WorkingDirectory = root;
        start.Environment["NODE_OPTIONS"] = WithYoungGeneration(Environment.GetEnvironmentVariable("NODE_OPTIONS"));
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite (is Node.js installed?).");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();

        var deadline = DateTime.UtcNow.AddSeconds(120); // npx may download Azurite first
        while (!await PortsOpenAsync(blob, queue, table))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before its ports opened.");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("Azurite did not open its ports within 120 s.");
            await Task.Delay(100);
        }
        return ConnectionString(blob, queue, table);
    }

    /// <summary>
    /// Azurite's Node.js options: a 64 MB young generation (V8's default is 16 MB). Every request allocates short-lived
    /// objects, and with the default the scavenger ran so often that a blob read cost Azurite 1.1-1.2 ms of CPU against
    /// 0.7-0.9 ms with it (docs/performance.md, "Azurite's own settings"). Options already set (a profiler's) are kept.
    /// </summary>
    public static string WithYoungGeneration(string? nodeOptions) =>
        string.IsNullOrWhiteSpace(nodeOptions) ? YoungGeneration : $"{nodeOptions} {YoungGeneration}";

    public const string YoungGeneration = "--max-semi-space-size=64";

    private static void Stop()
    {
        try
        {
            if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    internal static async Task<bool> PortsOpenAsync(params int[] ports)
    {
        foreach (var port in ports)
        {
            using var client = new TcpClient();
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The folder holding PreferenceFunctions.sln.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PreferenceFunctions.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PreferenceFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}

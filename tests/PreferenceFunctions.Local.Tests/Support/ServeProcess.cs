using System.Net;
using System.Net.Sockets;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Support;

/// <summary><c>dotnet PreferenceFunctions.Local.dll serve</c> as a child process on a free port, killed like kill -9 on dispose.</summary>
public sealed class ServeProcess : IDisposable
{
    private readonly ChildProcess _process;

    private ServeProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Api = new LocalApiClient(new HttpClient { BaseAddress = baseAddress });
    }

    public Uri BaseAddress { get; }
    public LocalApiClient Api { get; }
    public int Id => _process.Id;
    public string Output => _process.Output;
    public bool HasExited => _process.HasExited;

    public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var process = ChildProcess.StartDotnet(LocalHostDll(), ["serve", "--urls", $"http://127.0.0.1:{port}"], environment);
        var serve = new ServeProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = serve.BaseAddress };
        await Eventually.GetAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException("serve exited before it was ready:\n" + process.Output);
            try
            {
                return (await http.GetAsync("api/runs?limit=1")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, ready => ready, TimeSpan.FromSeconds(60), "serve to answer GET /api/runs\n" + process.Output);
        return serve;
    }

    /// <summary>Ends the host at once (SIGKILL to the whole process tree): a crash, no shutdown code runs.</summary>
    public void Kill() => _process.Kill();

    public void Dispose() => _process.Dispose();

    /// <summary>The built local host next to this test's build (same configuration), so it runs with its own deps and settings.</summary>
    private static string LocalHostDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory); // .../tests/X/bin/<Configuration>/<tfm>/
        var configuration = testBin.Parent!.Name;
        var tfm = testBin.Name;
        var dll = Path.Combine(Azurite.RepositoryRoot(), "src", "PreferenceFunctions.Local", "bin", configuration, tfm, "PreferenceFunctions.Local.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/PreferenceFunctions.Local first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

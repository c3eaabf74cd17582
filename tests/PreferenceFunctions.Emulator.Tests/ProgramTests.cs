using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>The `dotnet run` app (Program.cs) is the same app as the in-process host, configured from the "Emulator" section.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Program_SettingsOnTheCommandLine_BindTheEmulatorSection()
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "PreferenceFunctions.Emulator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}", "--Emulator:ClientId=cli-client", "--Emulator:Faults:Outcome=Failed" },
            Environment = { ["Logging__LogLevel__Default"] = "Warning" },
        };
        using var process = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await Eventually.GetAsync(() => IsUpAsync(http), up => up, TimeSpan.FromSeconds(60), "the emulator process to listen");

            var token = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "cli-client", ["client_secret"] = "rapidata-emulator-secret",
            }));
            var faults = JsonNode.Parse(await http.GetStringAsync("_emulator/faults"))!;

            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            Assert.Equal("Failed", faults["outcome"]!.GetValue<string>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<bool> IsUpAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("_emulator/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Bench;

/// <summary>Drives the in-process emulator over real loopback HTTP with concurrent HttpClient requests.</summary>
internal static class EmulatorBenchmark
{
    private const int AssetBytes = 16 * 1024;

    public static async Task RunAsync(BenchSettings settings)
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(new EmulatorOptions { RequestLogCapacity = 1_000, Crowd = { VotesPerSecond = 0, ReviewDelay = TimeSpan.Zero } });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Concurrency }) { BaseAddress = emulator.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, emulator));
        Console.WriteLine($"Emulator at {emulator.BaseUrl}, {Environment.ProcessorCount} cores, {settings.Concurrency} requests in flight");

        var payload = new byte[AssetBytes];
        Random.Shared.NextBytes(payload);
        var names = new string[settings.Uploads];
        await ConcurrentLoad.RunAsync(Math.Min(500, settings.Uploads), settings.Concurrency, i => UploadAsync(http, $"warmup_{i}.png", payload)); // JIT, connections
        var uploadsPerSecond = await ConcurrentLoad.RunAsync(settings.Uploads, settings.Concurrency, async i =>
            names[i] = await UploadAsync(http, $"model{i % 2}_{i:D6}.png", payload));
        Console.WriteLine($"asset uploads:       {uploadsPerSecond,10:N0} /s  ({settings.Uploads:N0} x {AssetBytes / 1024} KB multipart)");

        var datasetId = (await CreateOrderAsync(http, "bench datapoints"))["datasetId"]!.GetValue<string>();
        var datapointsPerSecond = await ConcurrentLoad.RunAsync(settings.Datapoints, settings.Concurrency, i =>
            CreateDatapointAsync(http, datasetId, names[(2 * i) % names.Length], names[((2 * i) + 1) % names.Length], i));
        Console.WriteLine($"datapoint creations: {datapointsPerSecond,10:N0} /s  ({settings.Datapoints:N0} JSON requests, schema-validated)");

        await BigOrderAsync(http, names, settings);
    }

    private static async Task BigOrderAsync(HttpClient http, string[] names, BenchSettings settings)
    {
        var created = await CreateOrderAsync(http, "bench big order");
        var orderId = created["orderId"]!.GetValue<string>();
        var datasetId = created["datasetId"]!.GetValue<string>();
        await ConcurrentLoad.RunAsync(settings.BigOrderPairs, settings.Concurrency, i =>
            CreateDatapointAsync(http, datasetId, names[(2 * i) % names.Length], names[((2 * i) + 1) % names.Length], i));
        (await http.PostAsync($"order/{orderId}/submit", null)).EnsureSuccessStatusCode();
        while ((await http.GetFromJsonAsync<JsonObject>($"order/{orderId}"))!["state"]!.GetValue<string>() != "Completed")
        {
            await Task.Delay(100);
        }

        var stopwatch = Stopwatch.StartNew();
        using var response = await http.GetAsync($"order/{orderId}/download-results", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        Console.WriteLine($"results download:    {settings.BigOrderPairs:N0} pairs x 15 votes, {bytes / 1e6:N0} MB in {stopwatch.Elapsed.TotalSeconds:N1} s "
            + $"({bytes / 1e6 / stopwatch.Elapsed.TotalSeconds:N0} MB/s), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
    }

    private static async Task<string> TokenAsync(HttpClient http, RapidataEmulatorHost emulator)
    {
        var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = emulator.ClientId, ["client_secret"] = emulator.ClientSecret,
        }));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    private static async Task<string> UploadAsync(HttpClient http, string name, byte[] payload)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(payload), "file", name } };
        using var response = await http.PostAsync("asset/file", form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["fileName"]!.GetValue<string>();
    }

    private static async Task<JsonObject> CreateOrderAsync(HttpClient http, string name)
    {
        var body = new JsonObject
        {
            ["orderName"] = name,
            ["workflow"] = new JsonObject { ["_t"] = "SimpleWorkflow", ["blueprint"] = new JsonObject { ["_t"] = "CompareBlueprint", ["criteria"] = "Which is better?" } },
            ["referee"] = new JsonObject { ["_t"] = "NaiveReferee", ["totalVotes"] = 15 },
        };
        using var response = await http.PostAsJsonAsync("order", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task CreateDatapointAsync(HttpClient http, string datasetId, string a, string b, int index)
    {
        var json = $$$"""{"asset":{"_t":"MultiAssetInput","assets":[{"_t":"ExistingAssetInput","name":"{{{a}}}"},{"_t":"ExistingAssetInput","name":"{{{b}}}"}]},"context":"prompt {{{index}}}","sortIndex":{{{index}}},"privateMetadata":{"pair":"{{{index}}}"}}""";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"dataset/{datasetId}/datapoint", content);
        response.EnsureSuccessStatusCode();
    }
}

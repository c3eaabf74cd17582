namespace PreferenceFunctions.Emulator.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "emulator-state-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_WithPersistenceFolder_KeepsOrdersAssetsTokensAndResults()
    {
        var options = new EmulatorOptions { PersistenceFolder = folder, Crowd = { VotesPerSecond = 0, ReviewDelay = TimeSpan.Zero } };
        string orderId, token, before;
        await using (var first = await RapidataEmulatorHost.StartAsync(options))
        {
            using var api = await ApiClient.ConnectAsync(first);
            var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("persisted"), CompareOrders.Pairs(3));
            await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Completed");
            before = (await CompareOrders.DownloadResultsAsync(api, ids.OrderId)).ToJsonString();
            orderId = ids.OrderId;
            token = api.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        await using var second = await RapidataEmulatorHost.StartAsync(new EmulatorOptions { PersistenceFolder = folder, Crowd = { VotesPerSecond = 0 } });
        using var restarted = new ApiClient(second);
        restarted.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var order = await restarted.OkAsync("GET", "/order/{orderId}", $"/order/{orderId}");
        var after = (await CompareOrders.DownloadResultsAsync(restarted, orderId)).ToJsonString();

        Assert.Equal("persisted", order["orderName"]!.GetValue<string>());
        Assert.Equal("Completed", order["state"]!.GetValue<string>());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Restart_WithoutPersistenceFolder_ForgetsOrders()
    {
        string orderId;
        await using (var first = await RapidataEmulatorHost.StartAsync())
        {
            using var api = await ApiClient.ConnectAsync(first);
            orderId = (await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("volatile"))).OrderId;
        }

        await using var second = await RapidataEmulatorHost.StartAsync();
        using var restarted = await ApiClient.ConnectAsync(second);
        var response = await restarted.SendAsync("GET", "/order/{orderId}", $"/order/{orderId}");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.Status);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Net;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Tests;

public sealed class OrderFlowTests
{
    private static EmulatorOptions Instant() => new() { Crowd = { VotesPerSecond = 0, ReviewDelay = TimeSpan.Zero } };

    [Fact]
    public async Task CompareOrder_FullFlow_ResultsKeyedByOriginalFileNameWithMetadata()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Instant());
        using var api = await ApiClient.ConnectAsync(emulator);
        var pairs = CompareOrders.Pairs(5);

        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("flow test"), pairs);
        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Completed");
        var results = await CompareOrders.DownloadResultsAsync(api, ids.OrderId);

        Assert.Equal("Compare", results["info"]!["type"]!.GetValue<string>());
        Assert.Equal("4.1.0", results["info"]!["version"]!.GetValue<string>());
        Assert.Equal("flow test", results["info"]!["name"]!.GetValue<string>());
        var entries = results["results"]!.AsArray();
        Assert.Equal(5, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]!;
            Assert.Equal($"prompt {i}", entry["context"]!.GetValue<string>());
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), entry["privateMetadata"]!["pair"]!.GetValue<string>());
            var counts = entry["aggregatedResults"]!.AsObject();
            Assert.Equal([pairs[i].A, pairs[i].B], counts.Select(c => c.Key));
            Assert.Equal(15, counts.Sum(c => c.Value!.GetValue<int>()));
            Assert.Equal(15, entry["detailedResults"]!.AsArray().Count);
            Assert.Equal([pairs[i].A, pairs[i].B], entry["assetUrls"]!.AsObject().Select(u => u.Key));
            Assert.Equal(entry["winnerIndex"]?.GetValue<int>(), entry["winner_index"]?.GetValue<int>());
        }

        var winsA = entries.Count(e => e!["winnerIndex"]?.GetValue<int>() == 0);
        var winsB = entries.Count(e => e!["winnerIndex"]?.GetValue<int>() == 1);
        Assert.Equal(winsA, results["summary"]!["A_wins_total"]!.GetValue<int>());
        Assert.Equal(winsB, results["summary"]!["B_wins_total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListDatapoints_Paged_ReturnsEveryDatapointWithItsAssetFileNames()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Instant());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody("listing"));
        await CompareOrders.AddPairsAsync(api, ids.DatasetId, CompareOrders.Pairs(5));
        var template = "/dataset/{datasetId}/datapoints";

        var first = await api.OkAsync("GET", template, $"/dataset/{ids.DatasetId}/datapoints?page=1&page_size=3&sort=created_at");
        var second = await api.OkAsync("GET", template, $"/dataset/{ids.DatasetId}/datapoints?page=2&page_size=3&sort=created_at");

        var items = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).ToList();
        var originalNames = items.SelectMany(i => i!["asset"]!["assets"]!.AsArray())
            .Select(a => a!["metadata"]!["originalFilename"]!["originalFilename"]!.GetValue<string>());
        Assert.Equal(5, first["total"]!.GetValue<long>());
        Assert.Equal(5, items.Count);
        Assert.Equal(CompareOrders.Pairs(5).SelectMany(p => new[] { p.A, p.B }), originalNames);
        Assert.Equal("prompt 4", items[4]!["context"]!.GetValue<string>());
    }

    [Fact]
    public async Task Results_AsJsonString_EqualsDownloadedDocument()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Instant());
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("string results"), CompareOrders.Pairs(3));
        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Completed");

        var download = await CompareOrders.DownloadResultsAsync(api, ids.OrderId);
        var asString = await api.OkAsync("GET", "/order/{orderId}/results", $"/order/{ids.OrderId}/results");

        Assert.Equal(download.ToJsonString(), JsonNode.Parse(asString.GetValue<string>())!.ToJsonString());
    }

    [Fact]
    public async Task ValidationSet_CreateGetAddRapid_OrderAcceptsIt()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Instant());
        using var api = await ApiClient.ConnectAsync(emulator);
        var created = await api.OkAsync("POST", "/validation-set", "/validation-set", new JsonObject { ["name"] = "truths" });
        var setId = created["validationSetId"]!.GetValue<string>();
        var a = await CompareOrders.UploadAsync(api, "good.png");
        var b = await CompareOrders.UploadAsync(api, "bad.png");

        var fetched = await api.OkAsync("GET", "/validation-set/{validationSetId}", $"/validation-set/{setId}");
        await api.NoContentAsync("POST", "/validation-set/{validationSetId}/rapid", $"/validation-set/{setId}/rapid", new JsonObject
        {
            ["asset"] = CompareOrders.DatapointBody(a, b, 0)["asset"]!.DeepClone(),
            ["payload"] = new JsonObject { ["_t"] = "ComparePayload", ["criteria"] = "Which is better?" },
            ["truth"] = new JsonObject { ["_t"] = "CompareTruth", ["winnerId"] = a },
            ["randomCorrectProbability"] = 0.5,
        });
        var order = await api.SendAsync("POST", "/order", "/order", CompareOrders.CreateOrderBody("with validation", validationSetId: setId));

        Assert.Equal("truths", fetched["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, order.Status);
    }

    [Fact]
    public async Task ListOrders_NameContainsPagingAndSort_ReturnsMatchingPage()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(Instant());
        using var api = await ApiClient.ConnectAsync(emulator);
        foreach (var name in new[] { "alpha run", "beta run", "gamma run", "other" })
        {
            await CompareOrders.CreateAsync(api, CompareOrders.CreateOrderBody(name));
        }

        var page1 = await api.OkAsync("GET", "/orders", "/orders?order_name[contains]=run&page=1&page_size=2&sort=order_name");
        var page2 = await api.OkAsync("GET", "/orders", "/orders?order_name%5Bcontains%5D=run&page=2&page_size=2&sort=order_name");

        Assert.Equal(3, page1["total"]!.GetValue<long>());
        Assert.Equal(2, page1["totalPages"]!.GetValue<int>());
        Assert.Equal(["alpha run", "beta run"], page1["items"]!.AsArray().Select(i => i!["orderName"]!.GetValue<string>()));
        Assert.Equal(["gamma run"], page2["items"]!.AsArray().Select(i => i!["orderName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PreliminaryDownload_WhileProcessing_AcceptedThenPartialResults()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync(new EmulatorOptions { Crowd = { VotesPerSecond = 5, ReviewDelay = TimeSpan.Zero } });
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = await CompareOrders.SubmitNewAsync(api, CompareOrders.CreateOrderBody("preliminary"), CompareOrders.Pairs(20));
        await CompareOrders.WaitForStateAsync(api, ids.OrderId, "Processing");

        var pipeline = await api.OkAsync("GET", "/pipeline/{pipelineId}", $"/pipeline/{ids.PipelineId}");
        var started = await api.OkAsync("POST", "/pipeline/{pipelineId}/preliminary-download", $"/pipeline/{ids.PipelineId}/preliminary-download", new JsonObject { ["sendEmail"] = false });
        var downloadId = started["downloadId"]!.GetValue<string>();
        var first = await api.SendAsync("GET", "/pipeline/preliminary-download/{preliminaryDownloadId}", $"/pipeline/preliminary-download/{downloadId}");
        var second = await api.OkAsync("GET", "/pipeline/preliminary-download/{preliminaryDownloadId}", $"/pipeline/preliminary-download/{downloadId}");

        var document = JsonNode.Parse(second.GetValue<string>())!;
        var votes = document["results"]!.AsArray().Sum(r => r!["detailedResults"]!.AsArray().Count);
        Assert.Equal("CampaignArtifactModel", pipeline["artifacts"]!["campaign-artifact"]!["_t"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(20, document["results"]!.AsArray().Count);
        Assert.InRange(votes, 0, (20 * 15) - 1);
    }
}

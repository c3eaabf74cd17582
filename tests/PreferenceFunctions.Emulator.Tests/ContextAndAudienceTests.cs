using System.Net;
using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.Datasets;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>The backend's 400-character rule for datapoint contexts, POST /datasets/shorten-context, and audiences.</summary>
public sealed class ContextAndAudienceTests
{
    [Fact]
    public async Task CreateDatapoint_ContextOver400Characters_Answers400NamingTheContext()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var datasetId = (await api.OkAsync("POST", "/dataset", "/dataset", new JsonObject { ["name"] = "long" }))["datasetId"]!.GetValue<string>();
        var a = await CompareOrders.UploadAsync(api, "a.png");
        var b = await CompareOrders.UploadAsync(api, "b.png");
        const string template = "/dataset/{datasetId}/datapoint";

        var at400 = await api.SendAsync("POST", template, $"/dataset/{datasetId}/datapoint", CompareOrders.DatapointBody(a, b, 0, new string('x', 400)));
        var at401 = await api.SendAsync("POST", template, $"/dataset/{datasetId}/datapoint", CompareOrders.DatapointBody(a, b, 1, new string('x', 401)));

        Assert.Equal(HttpStatusCode.OK, at400.Status);
        Assert.Equal(HttpStatusCode.BadRequest, at401.Status);
        Assert.Contains("401 characters", at401.Json["errors"]!["$.context"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortenContext_LongAndShortContexts_ShortensOnlyTheLongOnesDeterministicallyInOrder()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var sentence = "A lighthouse on a cliff in a storm at night, waves crashing below. ";
        var longContext = string.Concat(Enumerable.Repeat(sentence, 10));
        var body = new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["context"] = longContext, ["question"] = "Which image fits the description better?" },
                new JsonObject { ["context"] = "a red bicycle", ["question"] = "Which image fits the description better?" }),
        };

        var first = await api.OkAsync("POST", "/datasets/shorten-context", "/datasets/shorten-context", body.DeepClone());
        var second = await api.OkAsync("POST", "/datasets/shorten-context", "/datasets/shorten-context", body.DeepClone());

        var shortened = first["items"]![0]!["shortenedContext"]!.GetValue<string>();
        Assert.InRange(shortened.Length, 1, ContextShortener.MaxContextLength);
        Assert.StartsWith("A lighthouse on a cliff", shortened, StringComparison.Ordinal);
        Assert.EndsWith(".", shortened, StringComparison.Ordinal);
        Assert.Equal("a red bicycle", first["items"]![1]!["shortenedContext"]!.GetValue<string>());
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public void Shorten_OneSentenceOverTheLimit_CutsAtAWordWithEllipsis()
    {
        var context = string.Join(' ', Enumerable.Repeat("word", 120));

        var shortened = ContextShortener.Shorten(context);

        Assert.True(shortened.Length <= ContextShortener.MaxContextLength, $"{shortened.Length} characters");
        Assert.EndsWith("word…", shortened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audience_GlobalAndCustomWithExample_ServedAndReadyAfterRecruiting()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var global = await api.OkAsync("GET", "/audience/{audienceId}", "/audience/global");
        var created = await api.OkAsync("POST", "/audience", "/audience", new JsonObject
        {
            ["name"] = "prompt experts",
            ["filters"] = new JsonArray(new JsonObject { ["_t"] = "CountryFilter", ["countries"] = new JsonArray("DE", "US") }),
            ["graduationRule"] = new JsonObject { ["_t"] = "TaskAccuracy", ["targetAccuracy"] = 0.8, ["minTasks"] = 5 },
        });
        var id = created["audienceId"]!.GetValue<string>();
        var a = await CompareOrders.UploadAsync(api, "good.png");
        var b = await CompareOrders.UploadAsync(api, "bad.png");
        var example = new JsonObject
        {
            ["asset"] = CompareOrders.DatapointBody(a, b, 0)["asset"]!.DeepClone(),
            ["payload"] = new JsonObject { ["_t"] = "CompareExamplePayload", ["criteria"] = "Which image fits the description better?" },
            ["truth"] = new JsonObject { ["_t"] = "CompareExampleTruth", ["winnerId"] = a },
            ["randomCorrectProbability"] = 0.5,
            ["context"] = "a red bicycle",
        };

        await api.OkAsync("POST", "/audience/{audienceId}/example", $"/audience/{id}/example", example);
        var before = await api.OkAsync("GET", "/audience/{audienceId}", $"/audience/{id}");
        await api.NoContentAsync("POST", "/audience/{audienceId}/recruit", $"/audience/{id}/recruit");
        var after = await api.OkAsync("GET", "/audience/{audienceId}", $"/audience/{id}");
        var examples = await api.OkAsync("GET", "/audience/{audienceId}/examples", $"/audience/{id}/examples?page=1&page_size=10&sort=sort_index");

        Assert.Equal("Ready", global["status"]!.GetValue<string>());
        Assert.Equal("Created", before["status"]!.GetValue<string>());
        Assert.Equal(("Ready", 0.8, 5), (after["status"]!.GetValue<string>(), after["graduationRule"]!["targetAccuracy"]!.GetValue<double>(),
            after["graduationRule"]!["minTasks"]!.GetValue<int>()));
        Assert.Equal("CountryFilter", after["filters"]![0]!["_t"]!.GetValue<string>());
        var stored = Assert.Single(examples["items"]!.AsArray())!;
        Assert.Equal((a, "a red bicycle", 0), (stored["truth"]!["winnerId"]!.GetValue<string>(), stored["context"]!.GetValue<string>(),
            stored["sortIndex"]!.GetValue<int>()));
        Assert.Equal([a, b], stored["asset"]!["assets"]!.AsArray().Select(x => x!["fileName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AudienceExample_TruthNotOneOfTheAssets_Rejected()
    {
        await using var emulator = await RapidataEmulatorHost.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var id = (await api.OkAsync("POST", "/audience", "/audience", new JsonObject { ["name"] = "experts" }))["audienceId"]!.GetValue<string>();
        var a = await CompareOrders.UploadAsync(api, "good.png");
        var b = await CompareOrders.UploadAsync(api, "bad.png");
        var example = new JsonObject
        {
            ["asset"] = CompareOrders.DatapointBody(a, b, 0)["asset"]!.DeepClone(),
            ["payload"] = new JsonObject { ["_t"] = "CompareExamplePayload", ["criteria"] = "Which image fits the description better?" },
            ["truth"] = new JsonObject { ["_t"] = "CompareExampleTruth", ["winnerId"] = "other.png" },
            ["randomCorrectProbability"] = 0.5,
        };

        var response = await api.SendAsync("POST", "/audience/{audienceId}/example", $"/audience/{id}/example", example);
        var examples = await api.OkAsync("GET", "/audience/{audienceId}/examples", $"/audience/{id}/examples");

        Assert.Equal(400, (int)response.Status);
        Assert.True(response.Errors.ContainsKey("$.truth.winnerId"), response.Body);
        Assert.Empty(examples["items"]!.AsArray());
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>A custom audience is created once per run: a repeated attempt finds it by name through GET /audiences.</summary>
public sealed class AudienceAdoptionTests
{
    private static OrderSettings Custom(string name) => new("demo", "Which image fits?", 5, null, null, null, [], [], new RefereeSettings(RefereeKind.Naive, null),
        null, RapidataFlow.Jobs, new AudienceSettings(null, name, [JsonNode.Parse("""{"_t":"CountryFilter","countries":["DE"]}""")!.AsObject()],
            TargetAccuracy: 0.8, MinTasks: 3));

    [Fact]
    public async Task ResolveAsync_RepeatedForTheSameRun_AdoptsTheAudienceItCreatedAndRecruitsIt()
    {
        await using var harness = await RunHarness.StartAsync(flow: null);
        var audiences = harness.Services.GetRequiredService<AudienceSetup>();

        var first = await audiences.ResolveAsync("run-a", Custom("experts"), []);
        var again = await audiences.ResolveAsync("run-a", Custom("experts"), []);
        var otherRun = await audiences.ResolveAsync("run-b", Custom("experts"), []);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherRun);
        var calls = harness.Emulator.Requests.Entries.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal(2, calls.Count(c => c == "POST /audience"));
        var finds = harness.Emulator.Requests.Entries.Where(r => r.Method == "GET" && r.Path.StartsWith("/audiences?", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, finds.Count);
        Assert.All(finds, find => Assert.Equal(200, find.Status));   // the query passed the emulator's contract check
        Assert.Equal(2, calls.Count(c => c == $"POST /audience/{first}/recruit"));
    }
}

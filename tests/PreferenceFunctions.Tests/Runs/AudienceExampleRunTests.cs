using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>A custom audience's qualification examples in a whole job-flow run, and added once when the set-up is repeated.</summary>
public sealed class AudienceExampleRunTests
{
    private static readonly (string Image1, string Image2, int Winner)[] Examples =
    [
        ("stable_diffusion/stable_diffusion_0_0.png", "flux/flux_0_1.png", 2),
        ("stable_diffusion/stable_diffusion_1_0.png", "flux/flux_1_1.png", 1),
        ("flux/flux_1_1.png", "stable_diffusion/stable_diffusion_2_0.png", 2),
    ];

    private static string OrderJson(string audienceName) => $$"""
        { "name": "Benchmark Demo", "audience": { "name": "{{audienceName}}", "targetAccuracy": 0.8, "minTasks": 3, "examples": [
        {{string.Join(",\n", Examples.Select((e, i) =>
            $$"""{ "prompt": "example {{i}}", "image1": "{{e.Image1}}", "image2": "{{e.Image2}}", "winner": {{e.Winner}} }"""))}} ] } }
        """;

    /// <summary>The emulator names an asset by the SHA-256 of its bytes followed by its upload name (AssetEndpoints).</summary>
    private static string EmulatorAssetName(string zipEntry)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(RunHarness.SamplePath, "images.zip"));
        using var content = new MemoryStream();
        using (var entry = zip.GetEntry(zipEntry)!.Open()) entry.CopyTo(content);
        var fileName = Path.GetFileName(zipEntry);
        var hash = SHA256.HashData([.. content.ToArray(), .. Encoding.UTF8.GetBytes(fileName)]);
        return Convert.ToHexStringLower(hash)[..32] + ".png";
    }

    [Fact]
    public async Task Run_CustomAudienceWithThreeExamples_AudienceHoldsThemWithTheirAssetsAndTruth()
    {
        await using var harness = await RunHarness.StartAsync(flow: null);
        var etag = await harness.UploadDatasetAsync(SampleCopy.With(orderJson: OrderJson("prompt experts")), "examples");

        var start = await harness.StartRunAsync("examples", etag);
        var done = await harness.WaitAsync(start.RunId);

        RunHarness.AssertOutcome(done, RunPhase.Completed);
        var row = (await harness.RunRowAsync(start.RunId))!;
        var rapidata = harness.Services.GetRequiredService<RapidataClient>();
        var stored = await rapidata.ListAudienceExamplesAsync(row.AudienceId!).ToListAsync();
        Assert.Equal([0, 1, 2], stored.Select(e => e.SortIndex));
        Assert.Equal(Examples.Select(e => new[] { EmulatorAssetName(e.Image1), EmulatorAssetName(e.Image2) }), stored.Select(e => e.AssetNames));
        Assert.Equal(["example 0", "example 1", "example 2"], stored.Select(e => e.Context));
        var posted = harness.Emulator.Requests.Entries.Where(r => r.Method == "POST" && r.Path == $"/audience/{row.AudienceId}/example").ToList();
        Assert.Equal(Examples.Select(e => EmulatorAssetName(e.Winner == 1 ? e.Image1 : e.Image2)),
            posted.OrderBy(r => JsonNode.Parse(r.Body!)!["sortIndex"]!.GetValue<int>()).Select(r => JsonNode.Parse(r.Body!)!["truth"]!["winnerId"]!.GetValue<string>()));
        var calls = harness.Emulator.Requests.Entries.Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.True(calls.LastIndexOf($"POST /audience/{row.AudienceId}/example") < calls.IndexOf($"POST /audience/{row.AudienceId}/recruit"),
            "examples are added before recruiting");
    }

    [Fact]
    public async Task ResolveAsync_CrashedAfterTwoOfThreeExamples_AddsOnlyTheThird()
    {
        await using var harness = await RunHarness.StartAsync(flow: null);
        var etag = await harness.UploadDatasetAsync(SampleCopy.With(orderJson: OrderJson("prompt experts")), "examples");
        var start = await harness.StartRunAsync("examples", etag);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Completed);
        var manifest = await harness.Services.GetRequiredService<ManifestStore>().ReadManifestAsync(harness.RunsContainer, RunBlobs.Manifest(start.RunId));
        var rapidata = harness.Services.GetRequiredService<RapidataClient>();
        // A second audience of the same run whose set-up stopped after two examples: both are already there.
        var settings = manifest.Settings with { Audience = manifest.Settings.Audience! with { Name = "second" } };
        var audienceId = await rapidata.CreateAudienceAsync($"second [{start.RunId}]");
        foreach (var e in manifest.AudienceExamples!.Take(2))
        {
            var (first, second) = (EmulatorAssetName(e.Image1.Path), EmulatorAssetName(e.Image2.Path));
            await rapidata.AddCompareAudienceExampleAsync(audienceId, new CompareAudienceExample(first, second, settings.Criteria,
                e.Winner == 1 ? first : second, e.SortIndex, e.Prompt));
        }

        var resolved = await harness.Services.GetRequiredService<AudienceSetup>().ResolveAsync(start.RunId, settings, manifest.AudienceExamples!);

        Assert.Equal(audienceId, resolved);
        var stored = await rapidata.ListAudienceExamplesAsync(audienceId).ToListAsync();
        Assert.Equal([0, 1, 2], stored.Select(e => e.SortIndex));
        Assert.Equal(3, harness.Emulator.Requests.Entries.Count(r => r.Method == "POST" && r.Path == $"/audience/{audienceId}/example"));
    }
}

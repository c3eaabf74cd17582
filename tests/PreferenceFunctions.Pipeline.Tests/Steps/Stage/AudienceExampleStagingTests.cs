using System.Security.Cryptography;
using System.Text.Json;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Upload;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>A custom audience's qualification examples: validated like matchups, their images staged and hashed into the manifest.</summary>
public sealed class AudienceExampleStagingTests
{
    private static readonly byte[] Good = DatasetGenerator.Image("flux", 900, 0);
    private static readonly byte[] Bad = DatasetGenerator.Image("sd", 901, 1);
    private static readonly byte[] Other = DatasetGenerator.Image("sd", 902, 1);

    private static string Audience(string examples) => $$"""{ "audience": { "name": "prompt experts", "examples": [ {{examples}} ] } }""";

    private static async Task UploadExampleImagesAsync(StagingFixture fx)
    {
        await fx.Datasets.UploadBlobAsync("set/examples/good.png", BinaryData.FromBytes(Good));
        await fx.Datasets.UploadBlobAsync("set/examples/bad.png", BinaryData.FromBytes(Bad));
        await fx.Datasets.UploadBlobAsync("set/examples/other.png", BinaryData.FromBytes(Other));
        await fx.Datasets.UploadBlobAsync("set/copies/good.png", BinaryData.FromBytes(Other));
        await fx.Datasets.UploadBlobAsync("set/copies/same-as-good.png", BinaryData.FromBytes(Good));
    }

    [Fact]
    public async Task StageAsync_CustomAudienceWithExamples_StagesTheirImagesHashedInTheManifest()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 6, zip: true, orderJson: Audience("""
            { "prompt": "a red bicycle", "image1": "examples/good.png", "image2": "examples/bad.png", "winner": 1 },
            { "prompt": "a blue boat", "image1": "examples/bad.png", "image2": "examples/good.png", "winner": 2 },
            { "prompt": "a green field", "image1": "examples/other.png", "image2": "examples/good.png", "winner": 2 }
            """));
        await UploadExampleImagesAsync(fx);

        var staged = await fx.StageAsync("set");

        Assert.True(staged.Accepted, string.Join("\n", staged.FirstErrors));
        var manifest = await new ManifestStore(fx.Blobs).ReadManifestAsync(fx.Runs, staged.ManifestBlobName!);
        var examples = manifest.AudienceExamples!;
        Assert.Equal([(0, 1, "good.png", "a red bicycle"), (1, 2, "bad.png", "a blue boat"), (2, 2, "other.png", "a green field")],
            examples.Select(e => (e.SortIndex, e.Winner, e.Image1.FileName, e.Prompt)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Good)), examples[0].Image1.Sha256);
        // The run's copy: small loose images are packed into run-1/staged/images.pack, read back as a range.
        Assert.NotNull(examples[0].Image1.PackOffset);
        await using var copy = await new DatasetImageReader(fx.Blobs).OpenAsync(fx.Runs, "run-1/staged", examples[0].Image1, CancellationToken.None);
        using var bytes = new MemoryStream();
        await copy.CopyToAsync(bytes);
        Assert.Equal(Good, bytes.ToArray());
    }

    [Fact]
    public async Task StageAsync_BadExamples_RejectedNamingEachField()
    {
        await using var fx = await StagingFixture.CreateAsync();
        var longPrompt = new string('x', 401);
        await fx.UploadGeneratedAsync("set", matchups: 6, zip: true, orderJson: Audience($$"""
            { "prompt": "a red bicycle", "image1": "examples/missing.png", "image2": "examples/bad.png", "winner": 1 },
            { "prompt": "a blue boat", "image1": "examples/good.png", "image2": "examples/bad.png", "winner": 3 },
            { "prompt": "{{longPrompt}}", "image1": "examples/good.png", "image2": "examples/bad.png", "winner": 1 },
            { "prompt": "a cat", "image1": "https://example.com/a.png", "image2": "examples/bad.png", "winner": 1 },
            { "prompt": "a dog", "image1": "examples/good.png", "image2": "copies/good.png", "winner": 1 },
            { "prompt": "a fox", "image1": "examples/good.png", "image2": "copies/same-as-good.png", "winner": 2 }
            """));
        await UploadExampleImagesAsync(fx);

        var staged = await fx.StageAsync("set");

        Assert.False(staged.Accepted);
        using var report = JsonDocument.Parse(await fx.ReadRunTextAsync(staged.ReportBlobName));
        var messages = report.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
        string[] expected =
        [
            "order.json, field audience.examples[0].image1: image \"examples/missing.png\" not found",
            "order.json, field audience.examples[1].winner: expected 1 (image1 is right) or 2",
            "order.json, field audience.examples[2].prompt: 401 characters, over Rapidata's limit of 400",
            "order.json, field audience.examples[3].image1: \"https://example.com/a.png\" is a URL",
            "order.json, field audience.examples[4].image2: \"copies/good.png\" has the same file name as image1",
            "order.json, field audience.examples[5].image2: \"copies/same-as-good.png\" has the same content as image1",
        ];
        Assert.All(expected, e => Assert.Contains(messages, m => m.StartsWith(e, StringComparison.Ordinal)));
        Assert.Equal(expected.Length, messages.Count(m => m.Contains("audience.examples", StringComparison.Ordinal)));
    }
}

using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Exports;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Tests.Analysis;
using PreferenceFunctions.Rapidata.Results;
using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Tests.Exports;

public sealed class AnalysisOutputFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"analysis-{Guid.NewGuid():N}");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WriteAsync_ResultsJoinedToALocalDataset_WritesEveryFileWithTheDatasetsImages(bool zip)
    {
        var datasetFolder = Path.Combine(_root, "dataset");
        DatasetGenerator.Generate(new GenerateDatasetRequest(datasetFolder, Matchups: 12, Models: 3, Seed: 5, Zip: zip));
        await using var dataset = await LocalDatasetMatchups.OpenAsync(datasetFolder);
        var random = new Random(3);
        // Results name the options by file name only and list them in either order, as Rapidata may.
        var json = ResultsJson.Write(dataset.Matchups.Select((m, i) => i % 2 == 0
            ? new ResultsJson.Pair(Path.GetFileName(m.Image1), Path.GetFileName(m.Image2), random.Next(15), random.Next(15))
            : new ResultsJson.Pair(Path.GetFileName(m.Image2), Path.GetFileName(m.Image1), random.Next(15), random.Next(15), m.Id)));
        var outcomes = MatchupOutcomeBuilder.Build(await ResultsJson.ParseAsync(json), dataset.Matchups);
        var analysis = PreferenceAnalyzer.Analyze(outcomes);
        var output = Path.Combine(_root, "out");

        var files = await AnalysisOutputFolder.WriteAsync(output, analysis, outcomes, dataset.LoadImageAsync);

        Assert.Equal(12, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(dataset.Matchups.Single(m => m.Id == o.Matchup.Id).Model1, o.Matchup.Model1));
        Assert.Subset(files.ToHashSet(), new HashSet<string> { "matchups.csv", "models.csv", "report.html", "leaderboard.png" });
        Assert.DoesNotContain(files, f => f.EndsWith(".jsonl", StringComparison.Ordinal)); // exports are opt-in
        Assert.Equal(12, files.Count(f => f.StartsWith("pairs/", StringComparison.Ordinal)));
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(output, f)), f));
        Assert.Equal(13, File.ReadAllLines(Path.Combine(output, "matchups.csv")).Length);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(output, "models.csv")).Length);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
        Assert.Equal(24, html.Split("<img src=\"data:image/jpeg;base64,").Length - 1);
        Assert.DoesNotContain("class=\"placeholder\"", html);
        using var figure = SKBitmap.Decode(Path.Combine(output, files.First(f => f.StartsWith("pairs/", StringComparison.Ordinal))));
        Assert.True(figure.Width > 1000);
    }

    [Fact]
    public async Task WriteAsync_DpoAsked_WritesDpoButNoHuggingFaceFile()
    {
        var outcomes = new[] { Outcomes.Of("m1", "flux", "sd3", 9, 1), Outcomes.Of("m2", "flux", "sd3", 5, 5) };
        var output = Path.Combine(_root, "dpo");
        var options = AnalysisOutputOptions.Default with { Exports = AnalysisExports.Dpo, PairFigures = 0 };

        var files = await AnalysisOutputFolder.WriteAsync(output, PreferenceAnalyzer.Analyze(outcomes), outcomes, (_, _) => Task.FromResult<byte[]?>(null), options);

        Assert.Contains(AnalysisOutputFolder.DpoFile, files);
        Assert.Single(File.ReadAllLines(Path.Combine(output, AnalysisOutputFolder.DpoFile))); // the tie is left out
        Assert.False(File.Exists(Path.Combine(output, AnalysisOutputFolder.HuggingFaceFile)));
    }

    [Fact]
    public async Task WriteHuggingFaceAsync_StreamedEntries_WritesOneLineWithItsVotesPerEntry()
    {
        var json = ResultsJson.Write([new("flux_1_0.png", "sd3_1_1.png", 3, 1, "m1"), new("sd3_2_0.png", "flux_2_1.png", 2, 2, "m2")]);
        var entries = CompareResultsDocument.ReadEntriesAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        var output = Path.Combine(_root, "hf");

        var file = await AnalysisOutputFolder.WriteHuggingFaceAsync(output, MatchupOutcomeBuilder.ReadAsync(entries));

        var lines = await File.ReadAllLinesAsync(Path.Combine(output, file));
        Assert.Equal(2, lines.Length);
        using var first = System.Text.Json.JsonDocument.Parse(lines[0]);
        Assert.Equal(("flux", 3, 1), (first.RootElement.GetProperty("model1").GetString(), first.RootElement.GetProperty("votes_image1").GetInt32(),
            first.RootElement.GetProperty("votes_image2").GetInt32()));
    }

    [Fact]
    public async Task OpenAsync_InvalidDataset_ThrowsWithTheValidationReport()
    {
        var folder = Path.Combine(_root, "broken");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "matchups.csv"), "prompt,image1,image2\na fox,missing_1_0.png,missing_1_1.png\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LocalDatasetMatchups.OpenAsync(folder));

        Assert.Contains("missing_1_0.png", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}

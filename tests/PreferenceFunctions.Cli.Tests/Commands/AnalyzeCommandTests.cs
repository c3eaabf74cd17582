using PreferenceFunctions.Cli.Commands;
using PreferenceFunctions.Cli.Tests.Support;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("analyze-");

    private static string SampleResults =>
        Path.Combine(Azurite.RepositoryRoot(), "tests", "PreferenceFunctions.Rapidata.Tests", "Results", "Samples", "compare-4.1.json");

    private string Out => Path.Combine(_work.FullName, "out");

    [Fact]
    public async Task Analyze_JsonThatIsNoResultsDocument_ExitsOneWithOneLineAndWritesNothing()
    {
        var json = Path.Combine(_work.FullName, "package.json");
        await File.WriteAllTextAsync(json, """{ "name": "not-results", "version": "1.0.0" }""");

        var run = await CliRun.InvokeAsync("analyze", json, "-o", Out);

        Assert.Equal(AnalyzeCommand.BadInput, run.Exit);
        Assert.Contains("not a Rapidata compare results document", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task Analyze_OutputNamesAnExistingFile_ExitsTwoWithoutStackTrace()
    {
        var file = Path.Combine(_work.FullName, "taken.txt");
        await File.WriteAllTextAsync(file, "x");

        var run = await CliRun.InvokeAsync("analyze", SampleResults, "-o", file);

        Assert.Equal(AnalyzeCommand.UsageError, run.Exit);
        Assert.Contains("is a file; give a folder", run.ErrorLines[0]);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Analyze_UnknownReferenceModel_ExitsOneNamingTheModels()
    {
        var run = await CliRun.InvokeAsync("analyze", SampleResults, "-o", Out, "--reference", "nosuchmodel");

        Assert.Equal(AnalyzeCommand.BadInput, run.Exit);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("--reference \"nosuchmodel\" is not a model of these results (models: ", line);
        Assert.DoesNotContain("(Parameter", line);
    }

    [Fact]
    public async Task Analyze_WithVotes_WritesEveryVoteToParquetAndTheBreakdownToTheReport()
    {
        var votesFile = Path.Combine(_work.FullName, "exports", "votes.parquet");

        var run = await CliRun.InvokeAsync("analyze", SampleResults, "-o", Out, "--bootstrap", "0", "--votes", votesFile, "--breakdown-min-votes", "2");

        Assert.Equal(AnalyzeCommand.Written, run.Exit);
        PreferenceFunctions.Rapidata.Results.CompareResultsDocument document;
        await using (var json = File.OpenRead(SampleResults))
            document = await PreferenceFunctions.Rapidata.Results.CompareResultsDocument.ParseAsync(json);
        var expected = document.Results.SelectMany(e => e.DetailedResults
            .Select(v => $"{v.VotedFor}|{v.UserDetails.Country}|{v.UserDetails.Demographics.GetValueOrDefault("age")}|{v.UserDetails.GlobalScore}")).ToList();
        await using var parquet = File.OpenRead(votesFile);
        var rows = new List<PreferenceFunctions.Pipeline.Analysis.VoteRow>();
        await foreach (var row in PreferenceFunctions.Pipeline.Analysis.VotesParquet.ReadAsync(parquet)) rows.Add(row);
        Assert.Equal(expected, rows.Select(r => $"{r.VotedFor}|{r.Country}|{r.Age}|{(r.UserScores.TryGetValue("global", out var g) ? g : (double?)null)}"));
        Assert.All(rows, r => Assert.Null(r.RunId));
        Assert.Contains($"wrote {rows.Count} votes to {votesFile}", run.Output);
        var html = await File.ReadAllTextAsync(Path.Combine(Out, "report.html"));
        Assert.Contains("<section id=\"breakdown\">", html);
        Assert.Contains("Cells with fewer than 2 votes are hidden", html);
    }

    [Fact]
    public async Task Analyze_VotesNamesAFolder_ExitsTwo()
    {
        var run = await CliRun.InvokeAsync("analyze", SampleResults, "-o", Out, "--votes", _work.FullName);

        Assert.Equal(AnalyzeCommand.UsageError, run.Exit);
        Assert.Contains("--votes", run.ErrorLines[0]);
    }

    [Fact]
    public async Task Analyze_SampleResults_WritesTheFolder()
    {
        var run = await CliRun.InvokeAsync("analyze", SampleResults, "-o", Out, "--bootstrap", "10");

        Assert.Equal(AnalyzeCommand.Written, run.Exit);
        Assert.True(File.Exists(Path.Combine(Out, "models.csv")), run.Error);
        Assert.Empty(Directory.GetFiles(Out, "*.jsonl")); // exports are opt-in
    }

    [Fact]
    public async Task Analyze_ExportsHfAndDpo_WritesHuggingFaceWithTheVotesAndDpo()
    {
        var run = await CliRun.InvokeAsync("analyze", SampleResults, "-o", Out, "--bootstrap", "0", "--exports", "hf,dpo", "--dpo-min-margin", "0");

        Assert.Equal(AnalyzeCommand.Written, run.Exit);
        var lines = await File.ReadAllLinesAsync(Path.Combine(Out, "huggingface.jsonl"));
        Assert.NotEmpty(lines);
        Assert.Contains(lines, line => line.Contains("votedFor", StringComparison.Ordinal)); // the votes the rankings skipped
        Assert.True(File.Exists(Path.Combine(Out, "dpo.jsonl")), run.Error);
    }

    [Fact]
    public async Task Analyze_UnknownExport_ExitsTwoNamingTheChoices()
    {
        var run = await CliRun.InvokeAsync("analyze", SampleResults, "-o", Out, "--exports", "hf,parquet");

        Assert.Equal(AnalyzeCommand.UsageError, run.Exit);
        Assert.Contains("--exports \"parquet\" is not an export; choose from hf, dpo", run.Error);
        Assert.False(Directory.Exists(Out));
    }

    public void Dispose() => _work.Delete(recursive: true);
}

using System.Text.Json;
using PreferenceFunctions.Cli.Commands;
using PreferenceFunctions.Cli.Tests.Support;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), UniqueName.For("validate"));

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);
        return (run.Exit, run.Output, run.Error);
    }

    [Fact]
    public async Task Validate_CommittedSample_IsAcceptedWithBothModels()
    {
        var sample = Path.Combine(Azurite.RepositoryRoot(), "samples", "flux-vs-sd3");

        var (exit, output, _) = await RunAsync("validate", sample);

        Assert.Equal(ValidateCommand.Accepted, exit);
        Assert.Contains("ACCEPTED", output);
        Assert.Contains("flux: 40 matchups, 40 images", output);
        Assert.Contains("stable_diffusion: 40 matchups, 40 images", output);
        Assert.Contains("Order \"Benchmark Demo\": \"Which image fits the description better?\", 15 responses per matchup", output);
    }

    [Fact]
    public async Task Validate_GeneratedThenBroken_ExitsOneAndPrintsEveryProblemWithRowAndColumn()
    {
        Assert.Equal(0, (await RunAsync("generate-dataset", _folder, "--matchups", "5", "--models", "3", "--seed", "4")).Exit);
        var csv = Path.Combine(_folder, "matchups.csv");
        File.AppendAllText(csv, "\"\",flux/nope.png,../escape.png\n");
        File.WriteAllText(Path.Combine(_folder, "order.json"), """{ "responsesPerMatchup": 15, "colour": "red" }""");

        var (exit, output, _) = await RunAsync("validate", _folder);

        Assert.Equal(ValidateCommand.Rejected, exit);
        Assert.Contains("REJECTED (4 errors)", output);
        Assert.Contains("matchups.csv row 7, column prompt: the prompt is empty", output);
        Assert.Contains("matchups.csv row 7, column image1: image \"flux/nope.png\" not found in the dataset folder", output);
        Assert.Contains("matchups.csv row 7, column image2: \"../escape.png\" contains \"..\"", output);
        Assert.Contains("order.json: unknown key(s) \"colour\"", output);
    }

    [Fact]
    public async Task Validate_CsvNotUtf8_ExitsOneNamingRowColumnLineAndOffsetInTextAndJson()
    {
        Assert.Equal(0, (await RunAsync("generate-dataset", _folder, "--matchups", "5", "--seed", "4")).Exit);
        var csv = Path.Combine(_folder, "matchups.csv");
        var offset = new FileInfo(csv).Length + "caf".Length;
        using (var file = File.Open(csv, FileMode.Append)) file.Write([.. "caf"u8, 0xE9, .. ",flux/a.png,stable_diffusion/b.png\n"u8]); // "café" as Windows-1252 writes it
        var expected = $"matchups.csv row 7, column prompt: not valid UTF-8 at line 7, byte offset {offset:N0} (bytes E9)";

        var (exit, output, _) = await RunAsync("validate", _folder);
        var (jsonExit, json, _) = await RunAsync("validate", _folder, "--json");

        Assert.Equal((ValidateCommand.Rejected, ValidateCommand.Rejected), (exit, jsonExit));
        Assert.Contains("REJECTED (1 error)", output);
        Assert.Contains(expected, output);
        var problem = JsonDocument.Parse(json).RootElement.GetProperty("problems").EnumerateArray().Single();
        Assert.Equal("not-utf8", problem.GetProperty("code").GetString());
        Assert.StartsWith(expected, problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validate_OrderJsonNotUtf8_ExitsOneNamingLineAndOffset()
    {
        Assert.Equal(0, (await RunAsync("generate-dataset", _folder, "--matchups", "5", "--seed", "4")).Exit);
        await File.WriteAllBytesAsync(Path.Combine(_folder, "order.json"), [.. "{ \"criteria\": \"Which caf"u8, 0xE9, .. " fits?\" }"u8]);

        var (exit, output, _) = await RunAsync("validate", _folder);

        Assert.Equal(ValidateCommand.Rejected, exit);
        Assert.Contains("REJECTED (1 error)", output);
        Assert.Contains("order.json: not valid UTF-8 at line 1, byte offset 24 (bytes E9); save the file as UTF-8", output);
    }

    [Fact]
    public async Task Validate_Json_PrintsTheReportAsJson()
    {
        await RunAsync("generate-dataset", _folder, "--matchups", "3", "--zip");

        var (exit, output, _) = await RunAsync("validate", _folder, "--json");

        Assert.Equal(0, exit);
        Assert.Contains("\"accepted\": true", output);
        Assert.True(File.Exists(Path.Combine(_folder, "images.zip")));
    }

    [Theory]
    [InlineData]
    [InlineData("/no/such/folder")]
    [InlineData("a", "b")]
    public async Task Validate_UsageError_ExitsTwoWithMessage(params string[] args)
    {
        var (exit, _, error) = await RunAsync(["validate", .. args]);

        Assert.Equal(ValidateCommand.UsageError, exit);
        Assert.StartsWith("validate: ", error);
    }

    [Fact]
    public async Task GenerateDataset_OneModel_ExitsTwoAndWritesNothing()
    {
        var (exit, _, error) = await RunAsync("generate-dataset", _folder, "--models", "1");

        Assert.Equal(ValidateCommand.UsageError, exit);
        Assert.Contains("--models at least 2", error);
        Assert.False(Directory.Exists(_folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}

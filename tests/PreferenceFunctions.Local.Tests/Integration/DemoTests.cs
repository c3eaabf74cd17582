using PreferenceFunctions.Local.Demo;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Testing;
using Spectre.Console;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>The demo end to end, on its own Azurite and emulator.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("demo-");

    [Fact]
    public async Task Demo_SameSeedTwice_SameVotesAndNumbers()
    {
        var first = await RunDemoAsync("first", seed: 7);
        var second = await RunDemoAsync("second", seed: 7);

        foreach (var file in new[] { "models.csv", "matchups.csv" })
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first, file)), await File.ReadAllTextAsync(Path.Combine(second, file)));
        Assert.StartsWith("model,votes,", await File.ReadAllTextAsync(Path.Combine(first, "models.csv")));
    }

    [Fact]
    public async Task Demo_RejectedFolder_PrintsItsFirstProblemsAndExitsOne()
    {
        var folder = Path.Combine(_work.FullName, "broken");
        Assert.Equal(0, (await CliRun.InvokeAsync("generate-dataset", folder, "--matchups", "4")).Exit);
        var rows = Enumerable.Range(1, 6).Select(i => $"prompt {i},flux/missing_{i}.png,stable_diffusion/missing_{i}.png\n");
        await File.AppendAllTextAsync(Path.Combine(folder, "matchups.csv"), string.Concat(rows));
        var console = new StringWriter();
        var settings = new DemoSettings(folder, "broken", Path.Combine(_work.FullName, "out"), TimeSpan.FromMinutes(3));

        var exit = await new DemoRunner(PlainConsole(console)).RunAsync(settings, CancellationToken.None);

        var text = console.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("Rejected: 12 error(s)", text);
        Assert.Contains("matchups.csv row 6, column image1", text);
        Assert.Contains("... and 2 more", text);
    }

    private async Task<string> RunDemoAsync(string name, int seed)
    {
        var output = Path.Combine(_work.FullName, name);
        var console = new StringWriter();
        var settings = new DemoSettings(Path.Combine(Azurite.RepositoryRoot(), "samples", PipelineHarness.SampleDataset),
            PipelineHarness.SampleDataset, output, TimeSpan.FromMinutes(5)) { Seed = seed };
        var exit = await new DemoRunner(PlainConsole(console)).RunAsync(settings, CancellationToken.None);
        Assert.True(exit == 0, console.ToString());
        return output;
    }

    internal static IAnsiConsole PlainConsole(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, ColorSystem = ColorSystemSupport.NoColors,
    });

    public void Dispose() => _work.Delete(recursive: true);
}

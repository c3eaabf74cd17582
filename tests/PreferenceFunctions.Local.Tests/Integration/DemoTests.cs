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

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first, "models.csv")), await File.ReadAllTextAsync(Path.Combine(second, "models.csv")));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first, "matchups.csv")), await File.ReadAllTextAsync(Path.Combine(second, "matchups.csv")));
        Assert.StartsWith("model,votes,", await File.ReadAllTextAsync(Path.Combine(first, "models.csv")));
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

using PreferenceFunctions.Cli;
using PreferenceFunctions.Local.Commands;
using PreferenceFunctions.Local.Tests.Support;

namespace PreferenceFunctions.Local.Tests.Commands;

/// <summary>What every command shares: usage errors exit 2 with one usage line, help shows exit codes and what is required.</summary>
public sealed class CliTests
{
    [Theory]
    [InlineData("results", "r1", "--nope")]
    [InlineData("results", "r1", "--format", "xml")]
    [InlineData("status")]
    [InlineData("analyze", "results.json")]
    [InlineData("upload")]
    [InlineData("status", "r1", "--api", "not a url")]
    public async Task Invoke_UsageError_ExitsTwoWithMessageAndOneUsageLine(params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.UsageError, run.Exit);
        Assert.Equal(2, run.ErrorLines.Length);
        Assert.StartsWith($"{args[0]}: ", run.ErrorLines[0]);
        Assert.StartsWith($"usage: {args[0]} ", run.ErrorLines[1]);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("generate-dataset")]
    [InlineData("analyze")]
    [InlineData("serve")]
    [InlineData("demo")]
    [InlineData("upload")]
    [InlineData("status")]
    [InlineData("results")]
    public async Task Help_EveryCommand_ListsItsExitCodes(string command)
    {
        var run = await CliRun.InvokeAsync(command, "--help");

        Assert.Equal(0, run.Exit);
        Assert.Contains("Exit codes: 0 ", run.Output);
        Assert.Contains("2 usage error", run.Output);
    }

    [Fact]
    public async Task Help_Root_SaysServeIsTheDefault()
    {
        var run = await CliRun.InvokeAsync("--help");

        Assert.Contains("With no command it runs 'serve'", run.Output);
    }

    [Fact]
    public async Task Help_Analyze_ShowsArgumentAndOutputAsRequired()
    {
        var run = await CliRun.InvokeAsync("analyze", "--help");

        Assert.Contains("<results>", run.Output);
        Assert.DoesNotContain("[<results>]", run.Output);
        Assert.Matches(@"-o, --output <output>\s+\(REQUIRED\)", run.Output);
    }

    [Fact]
    public void UsageOf_Analyze_RequiredPartsWithoutBrackets()
    {
        var analyze = LocalCommandLine.CreateRoot().Subcommands.Single(c => c.Name == "analyze");

        var usage = CommandLineRunner.UsageOf(analyze);

        Assert.StartsWith("usage: analyze <results> --output <output> [--dataset <dataset>]", usage);
        Assert.Contains("[--weighted]", usage);
    }

    [Fact]
    public void Parse_ApiOptionWithUrl_IsTheUri()
    {
        var parse = LocalCommandLine.CreateRoot().Parse(["status", "r1", "--api", "http://127.0.0.1:5000/"]);

        Assert.Empty(parse.Errors);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), parse.GetValue<Uri>("--api"));
    }
}

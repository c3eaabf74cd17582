using PreferenceFunctions.Cli.Tests.Support;

namespace PreferenceFunctions.Cli.Tests.Commands;

public sealed class GenerateDatasetCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("generate-");

    [Fact]
    public async Task GenerateDataset_NonEmptyFolder_RefusedAndLeftAlone()
    {
        var csv = Path.Combine(_folder.FullName, "matchups.csv");
        await File.WriteAllTextAsync(csv, "mine");

        var run = await CliRun.InvokeAsync("generate-dataset", _folder.FullName, "--matchups", "3");

        Assert.Equal(ExitCodes.UsageError, run.Exit);
        Assert.Contains("is not empty; pass --force", run.ErrorLines[0]);
        Assert.Equal("mine", await File.ReadAllTextAsync(csv));
    }

    [Fact]
    public async Task GenerateDataset_NonEmptyFolderWithForce_WritesTheDataset()
    {
        var csv = Path.Combine(_folder.FullName, "matchups.csv");
        await File.WriteAllTextAsync(csv, "mine");

        var run = await CliRun.InvokeAsync("generate-dataset", _folder.FullName, "--matchups", "3", "--force");

        Assert.Equal(ExitCodes.Ok, run.Exit);
        Assert.StartsWith("prompt,", await File.ReadAllTextAsync(csv));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}

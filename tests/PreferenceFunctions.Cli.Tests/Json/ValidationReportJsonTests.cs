using System.Text.Json;
using PreferenceFunctions.Cli.Commands;
using PreferenceFunctions.Cli.Json;
using PreferenceFunctions.Cli.Tests.Support;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Cli.Tests.Json;

/// <summary><c>validate --json</c> without reflection prints what the pipeline stores as validation.json, byte for byte.</summary>
public sealed class ValidationReportJsonTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("validation-json-");

    [Fact]
    public async Task Serialize_RejectedReportWithEverySettingSet_SameBytesAsThePipelinesValidationJson()
    {
        var generated = await CliRun.InvokeAsync("generate-dataset", _folder.FullName, "--matchups", "5", "--models", "3", "--force");
        Assert.Equal(0, generated.Exit);
        File.AppendAllText(Path.Combine(_folder.FullName, "matchups.csv"), "\"\",flux/nope.png,../escape.png\n");
        File.WriteAllText(Path.Combine(_folder.FullName, "order.json"), """{ "responsesPerMatchup": 15, "colour": "red" }""");
        var checkedReport = await ValidateCommand.CheckAsync(_folder.FullName, CancellationToken.None);
        // Every enum and optional part of the settings away from its default: each enum needs its converter in the context.
        var report = checkedReport with
        {
            Settings = checkedReport.Settings with
            {
                Flow = RapidataFlow.Jobs,
                Referee = new RefereeSettings(RefereeKind.Quorum, 0.7),
                Adaptive = new AdaptiveSettings(3, 10, 5_000, AdaptiveStop.Pairs),
                Audience = new AudienceSettings("audience-1", "Painters"),
                FeatureFlags = [new FeatureFlag("key", "value")],
            },
        };

        var json = JsonSerializer.Serialize(report, ValidationReportJson.Default.ValidationReport);

        Assert.False(report.Accepted);
        Assert.Equal(JsonSerializer.Serialize(report, DatasetJson.Indented), json);
        Assert.Contains("\"severity\": \"error\"", json);
        Assert.Contains("\"stop\": \"pairs\"", json);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}

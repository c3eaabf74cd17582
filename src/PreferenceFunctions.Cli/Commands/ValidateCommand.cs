using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PreferenceFunctions.Cli.Json;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Cli.Commands;

/// <summary>
/// <c>validate &lt;folder&gt;</c>: checks a dataset folder on disk with the rules the pipeline applies after upload.
/// Exit code 0 accepted, 1 rejected, 2 usage error (no folder, folder missing).
/// </summary>
public static class ValidateCommand
{
    public const int Accepted = 0;
    public const int Rejected = 1;
    public const int UsageError = 2;

    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Dataset folder: matchups.csv, images.zip or loose images, optional order.json" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (validation.json) instead of text" };
        var command = new Command("validate", "Check a dataset folder before uploading it: models, matchup counts, every problem with its row " +
            "and column. Exit codes: 0 accepted, 1 rejected, 2 usage error (no folder, folder missing).") { folder, json };
        command.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(folder)!, parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string folder, bool json, CancellationToken ct)
    {
        folder = UserPath(folder);
        if (!Directory.Exists(folder)) return CommandErrors.Usage(parse, $"folder \"{folder}\" does not exist");
        var report = await CheckAsync(folder, ct);
        await parse.InvocationConfiguration.Output.WriteAsync(json
            ? JsonSerializer.Serialize(report, ValidationReportJson.Default.ValidationReport) + Environment.NewLine
            : ReportText.Render(report));
        return report.Accepted ? Accepted : Rejected;
    }

    /// <summary>The folder checked with the rules (and settings) the pipeline applies after upload.</summary>
    public static async Task<ValidationReport> CheckAsync(string folder, CancellationToken ct)
    {
        var configuration = LocalConfiguration.Load();
        var options = configuration.GetSection(DatasetOptions.SectionName).Get<DatasetOptions>() ?? new DatasetOptions();
        var defaults = configuration.GetSection(PreferenceOptions.SectionName).Get<PreferenceOptions>() ?? new PreferenceOptions();
        return (await LocalDatasetFolder.CheckAsync(folder, options, defaults, ct, keepMatchups: false)).Report;
    }

    /// <summary>
    /// A path as the user meant it: <c>dotnet run</c> starts a web-SDK project in its own folder, so a relative path
    /// is resolved against the shell's directory (PWD) when that differs from the process's.
    /// </summary>
    public static string UserPath(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        return Path.GetFullPath(string.IsNullOrEmpty(shell) || !Directory.Exists(shell) ? path : Path.Combine(shell, path));
    }
}

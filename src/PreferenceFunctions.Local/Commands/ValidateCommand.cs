using System.CommandLine;
using System.Text.Json;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Local.Commands;

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
        // Arity 0..1 and unmatched tokens allowed: a usage error then reaches the action and exits 2, not the parser's 1.
        var folder = new Argument<string?>("folder") { Description = "Dataset folder: matchups.csv, images.zip or loose images, optional order.json", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (validation.json) instead of text" };
        var command = new Command("validate", "Check a dataset folder before uploading it: models, matchup counts, every problem with its row and column") { folder, json };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(folder), parse.GetValue(json), parse.UnmatchedTokens, parse.InvocationConfiguration, ct));
        return command;
    }

    private static async Task<int> RunAsync(string? folder, bool json, IReadOnlyList<string> unmatched, InvocationConfiguration console, CancellationToken ct)
    {
        if (unmatched.Count > 0) return Usage(console, $"unexpected argument(s): {string.Join(" ", unmatched)}");
        if (string.IsNullOrWhiteSpace(folder)) return Usage(console, "give the dataset folder to check, e.g. validate samples/flux-vs-sd3");
        folder = UserPath(folder);
        if (!Directory.Exists(folder)) return Usage(console, $"folder \"{folder}\" does not exist");

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = configuration.GetSection(DatasetOptions.SectionName).Get<DatasetOptions>() ?? new DatasetOptions();
        var defaults = configuration.GetSection(PreferenceOptions.SectionName).Get<PreferenceOptions>() ?? new PreferenceOptions();

        var result = await LocalDatasetFolder.CheckAsync(folder, options, defaults, ct);
        await console.Output.WriteAsync(json ? JsonSerializer.Serialize(result.Report, DatasetJson.Indented) + Environment.NewLine : ReportText.Render(result.Report));
        return result.Report.Accepted ? Accepted : Rejected;
    }

    /// <summary>
    /// A path as the user meant it: <c>dotnet run</c> starts a web-SDK project in its own folder, so a relative path
    /// is resolved against the shell's directory (PWD) when that differs from the process's.
    /// </summary>
    internal static string UserPath(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        return Path.GetFullPath(string.IsNullOrEmpty(shell) || !Directory.Exists(shell) ? path : Path.Combine(shell, path));
    }

    private static int Usage(InvocationConfiguration console, string message)
    {
        console.Error.WriteLine($"validate: {message}");
        console.Error.WriteLine("usage: validate <folder> [--json]");
        return UsageError;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Exports;
using PreferenceFunctions.Pipeline.Steps.Report;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Cli.Commands;

/// <summary>
/// <c>analyze &lt;results.json&gt; --output &lt;dir&gt; [--dataset &lt;folder&gt;] [--exports hf,dpo] [--votes &lt;file.parquet&gt;]</c>:
/// rankings and the report for a Rapidata results document that did not come through a run (e.g. saved with the Python
/// SDK's <c>to_json</c>), and every vote as a Parquet file when asked. The rankings need only each entry's counts, so the
/// individual votes are skipped while parsing unless <c>--votes</c> asks for them (then the report also has the
/// breakdown by country and age); the Hugging Face export, which needs them, streams the document a second time.
/// Exit code 0 written, 1 bad input (unreadable results or dataset), 2 usage error.
/// </summary>
public static class AnalyzeCommand
{
    public const int Written = 0;
    public const int BadInput = 1;
    public const int UsageError = 2;

    public static Command Create()
    {
        var results = new Argument<string>("results") { Description = "Rapidata compare results document (JSON)" };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder for matchups.csv, models.csv, report.html, PNGs and the exports asked for", Required = true,
        };
        var exports = new Option<string[]>("--exports")
        {
            Description = "Also write these exports, comma-separated: hf (huggingface.jsonl), dpo (dpo.jsonl)",
            AllowMultipleArgumentsPerToken = true,
        };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset folder (matchups.csv + images/ or images.zip): matchup ids, models and images" };
        var weighted = new Option<bool>("--weighted") { Description = "Score with votes weighted by the labelers' user scores" };
        var reference = new Option<string?>("--reference") { Description = "Model pinned at 1000 points (default: the mean is 1000)" };
        var rounds = new Option<int>("--bootstrap") { Description = "Bootstrap rounds for the 95% intervals", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed", DefaultValueFactory = _ => AnalysisOptions.Default.Seed };
        var margin = new Option<double>("--dpo-min-margin") { Description = "Smallest vote margin (0..1) for dpo.jsonl", DefaultValueFactory = _ => 0.2 };
        var votes = new Option<string?>("--votes") { Description = "Also write every vote (voter country, language, age, gender, occupation, user scores) to this Parquet file" };
        var minVotes = new Option<int>("--breakdown-min-votes")
        {
            Description = "Votes a model needs in a country or age group for the report's breakdown to show it", DefaultValueFactory = _ => VoteBreakdown.DefaultMinVotes,
        };
        var command = new Command("analyze", "Rank models and render the report from a results document. " +
            "Exit codes: 0 written, 1 bad input (unreadable or not a results document, unknown --reference model), 2 usage error.")
        {
            results, output, dataset, weighted, reference, rounds, seed, margin, exports, votes, minVotes,
        };
        command.SetAction((parse, ct) =>
        {
            var request = new AnalyzeRequest(parse.GetValue(results), parse.GetValue(output), parse.GetValue(dataset),
                new AnalysisOptions(parse.GetValue(weighted), parse.GetValue(rounds), parse.GetValue(seed), parse.GetValue(reference)),
                parse.GetValue(margin), parse.GetValue(exports) ?? [], parse.GetValue(votes), parse.GetValue(minVotes));
            return RunAsync(request, parse, ct);
        });
        return command;
    }

    private sealed record AnalyzeRequest(string? Results, string? Output, string? Dataset, AnalysisOptions Options, double DpoMinMargin,
        string[] Exports, string? Votes, int BreakdownMinVotes);

    private static readonly CompareResultsParseOptions CountsOnly = new() { IncludeDetailedResults = false };
    private static readonly CompareResultsParseOptions WithVotes = new();

    // The parser reads 1 MB at a time; a FileStream buffer in front of it would only add a copy.
    private const int ReadBufferSize = 0;

    private static async Task<int> RunAsync(AnalyzeRequest request, ParseResult parse, CancellationToken ct)
    {
        var console = parse.InvocationConfiguration;
        if (string.IsNullOrWhiteSpace(request.Results))
            return CommandErrors.Usage(parse, "give the results document, e.g. analyze results.json --output out");
        if (string.IsNullOrWhiteSpace(request.Output)) return CommandErrors.Usage(parse, "give an output folder with --output");
        if (request.Options.BootstrapRounds < 0) return CommandErrors.Usage(parse, "--bootstrap must be 0 or more");
        if (request.DpoMinMargin is < 0 or > 1) return CommandErrors.Usage(parse, "--dpo-min-margin must be between 0 and 1");
        if (!AnalysisExportNames.TryParse(request.Exports, out var exports, out var unknown))
            return CommandErrors.Usage(parse, $"--exports \"{unknown}\" is not an export; choose from {string.Join(", ", AnalysisExportNames.All)}");
        if (request.BreakdownMinVotes < 1) return CommandErrors.Usage(parse, "--breakdown-min-votes must be 1 or more");
        if (request.Votes is { } votesFile && (string.IsNullOrWhiteSpace(votesFile) || Directory.Exists(votesFile)))
            return CommandErrors.Usage(parse, $"--votes \"{votesFile}\" is not a file name; give the Parquet file to write, e.g. --votes votes.parquet");
        if (File.Exists(request.Output))
            return CommandErrors.Usage(parse, $"--output \"{request.Output}\" is a file; give a folder (it is created if missing)");
        if (!File.Exists(request.Results)) return Fail(console, $"results file \"{request.Results}\" does not exist");
        if (request.Dataset is not null && !Directory.Exists(request.Dataset)) return Fail(console, $"dataset folder \"{request.Dataset}\" does not exist");

        try
        {
            await using var dataset = request.Dataset is null ? null : await LocalDatasetMatchups.OpenAsync(request.Dataset, ct);
            // One pass (a large file on two threads, one from the middle): each entry is folded into its matchup's counts
            // as it is parsed and then dropped.
            CompareResultsInfo info;
            IReadOnlyList<MatchupOutcome> outcomes;
            await using (var stream = new FileStream(request.Results, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferSize))
                (info, outcomes) = await MatchupOutcomeBuilder.ReadDocumentAsync(stream, request.Votes is null ? CountsOnly : WithVotes, dataset?.Matchups, ct);
            if (outcomes.Count == 0)
                return Fail(console, $"{request.Results}: not a Rapidata compare results document (it holds no \"results\" entries)");
            var models = outcomes.SelectMany(o => new[] { o.Matchup.Model1, o.Matchup.Model2 })
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (request.Options.ReferenceModel is { } pinned && !models.Contains(pinned, StringComparer.Ordinal))
                return Fail(console, $"--reference \"{pinned}\" is not a model of these results (models: {string.Join(", ", models)})");
            // Every vote (and so the breakdown by country and age) only when --votes asked for them to be parsed.
            var voteRows = request.Votes is null ? [] : outcomes.SelectMany(o => VoteRow.FromOutcome(null, o)).ToList();
            var breakdown = new VoteBreakdownBuilder();
            foreach (var row in voteRows) breakdown.Add(row);
            var analysis = PreferenceAnalyzer.Analyze(outcomes, request.Options) with
            {
                Breakdown = request.Votes is null ? null : breakdown.Build(request.BreakdownMinVotes),
            };
            Func<string, CancellationToken, Task<byte[]?>> images = dataset is null ? (_, _) => Task.FromResult<byte[]?>(null) : dataset.LoadImageAsync;
            var title = info.Name ?? Path.GetFileNameWithoutExtension(request.Results);
            var options = new AnalysisOutputOptions(new ReportOptions(Title: title),
                new DpoExportOptions(request.DpoMinMargin, UseWeightedVotes: request.Options.UseWeightedVotes), Exports: exports);
            var files = (await AnalysisOutputFolder.WriteAsync(request.Output, analysis, outcomes, images, options, ct)).Count;
            if (exports.HasFlag(AnalysisExports.HuggingFace))
            {
                await using var again = File.OpenRead(request.Results);
                var detailed = MatchupOutcomeBuilder.ReadAsync(CompareResultsDocument.ReadEntriesAsync(again, cancellationToken: ct), dataset?.Matchups, ct);
                await AnalysisOutputFolder.WriteHuggingFaceAsync(request.Output, detailed, ct);
                files++;
            }
            Print(console.Output, analysis, request.Output, files);
            if (request.Votes is { } votesPath)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(votesPath))!);
                await using var file = File.Create(votesPath);
                var written = await VotesParquet.WriteAsync(voteRows, file, ct);
                console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {written:N0} votes to {votesPath}"));
            }
            return Written;
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or ArgumentException or IOException)
        {
            var message = error is ArgumentException { ParamName: { } name }
                ? error.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
                : error.Message;
            return Fail(console, $"{request.Results}: {message}");
        }
    }

    private static void Print(TextWriter output, PreferenceAnalysis analysis, string folder, int files)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{analysis.Matchups.Count} matchups, {analysis.Matchups.Sum(m => (long)m.TotalVotes)} votes, {analysis.Models.Count} models"));
        foreach (var m in analysis.Models)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {m.Rank,3}. {m.Model,-28} {m.Score,7:F1}  [{m.ScoreLow:F1}, {m.ScoreHigh:F1}]  votes {m.Votes}  won {m.PairsWon}/{m.Pairs}"));
        foreach (var warning in analysis.Warnings) output.WriteLine($"warning: {warning}");
        output.WriteLine($"wrote {files} files to {folder} (open report.html)");
    }

    private static int Fail(InvocationConfiguration console, string message)
    {
        console.Error.WriteLine($"analyze: {message}");
        return BadInput;
    }
}

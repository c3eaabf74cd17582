using System.Globalization;
using System.Text.Json;
using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Rapidata.Results;

// Usage: dotnet run -c Release --project bench/PreferenceFunctions.Analysis.Bench -- [matchups] [models] [votesPerMatchup] [rounds]
// Generates a results document (not timed), then prints, each the median of 3 runs with wall and CPU time (on a busy
// machine the CPU time is the steadier number):
//   1. the limit: Utf8JsonReader alone reading every token of the document in memory;
//   2. the parse as `analyze` does it: entries folded into matchup counts as they are read, votes skipped, on one thread
//      and then split over two (what the command does with a file this large);
//   3. the same parse keeping every entry (CompareResultsDocument.ParseAsync), votes skipped and kept;
//   4. the Bradley-Terry fit + bootstrap on the outcomes;
//   5. the user's command, `analyze <file> --output <dir>` of the built Release program, process start included
//      (build it first: dotnet build -c Release src/PreferenceFunctions.Local), and of the native CLI (published to
//      artifacts/cli first when missing or older than its sources);
//   6. bench/reference/analyze_pandas.py (pandas + scikit-learn, the seed's way) on the same file, when python3 has both,
//      and the goal: the command within a tenth of the faster of that run and the issue's 19 s.
var matchups = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var models = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var votesPerMatchup = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
const int Repeats = 3;
const double ParseGoalMegabytesPerSecond = 600; // issue 15: near Utf8JsonReader's own speed
const double IssuePandasSeconds = 19; // issue 15: pandas + scikit-learn, 200 bootstraps, on a quiet machine

var path = Path.Combine(Path.GetTempPath(), $"bench-results-{Environment.ProcessId}.json");
try
{
    SyntheticResults.Write(path, matchups, models, votesPerMatchup, seed: 1);
    var megabytes = new FileInfo(path).Length / 1e6;
    Console.WriteLine($"document: {matchups:N0} matchups x {votesPerMatchup} votes = {(long)matchups * votesPerMatchup:N0} votes, {models} models, {megabytes:N0} MB");
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build, load average {Load.Average()}, " +
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; each figure the median of {Repeats} runs (the first run of each is cold: JIT included)");

    var bytes = File.ReadAllBytes(path);
    var tokens = 0L;
    var limit = Measure.Median(Repeats, () => tokens = CountTokens(bytes));
    Console.WriteLine($"limit, Utf8JsonReader alone ({tokens:N0} tokens, in memory): {limit.Describe(megabytes)}");
    bytes = null;

    IReadOnlyList<MatchupOutcome> outcomes = [];
    var oneThread = Measure.Median(Repeats, () =>
    {
        using var stream = OpenUnbuffered(path);
        outcomes = MatchupOutcomeBuilder.ReadDocumentAsync(stream,
                new CompareResultsParseOptions { IncludeDetailedResults = false, ParallelReadMinimumBytes = long.MaxValue })
            .GetAwaiter().GetResult().Outcomes;
    });
    Console.WriteLine($"parse on one thread (entries folded into {outcomes.Count:N0} matchup counts as read, votes skipped): " +
        oneThread.Describe(megabytes));
    var oneThreadOutcomes = outcomes;
    var streamed = Measure.Median(Repeats, () =>
    {
        using var stream = OpenUnbuffered(path);
        outcomes = MatchupOutcomeBuilder.ReadDocumentAsync(stream, new CompareResultsParseOptions { IncludeDetailedResults = false })
            .GetAwaiter().GetResult().Outcomes;
    });
    var same = outcomes.Select(o => o with { Details = [] }).SequenceEqual(oneThreadOutcomes.Select(o => o with { Details = [] }));
    Console.WriteLine($"parse as analyze does (the file split over two threads; outcomes {(same ? "identical to" : "DIFFERENT from")} one thread's): " +
        $"{streamed.Describe(megabytes)}, {oneThread.WallSeconds / streamed.WallSeconds:N2}x one thread's wall; " +
        $"goal >= {ParseGoalMegabytesPerSecond} MB/s wall: {(megabytes / streamed.WallSeconds >= ParseGoalMegabytesPerSecond ? "met" : "not met")}");

    foreach (var keepVotes in new[] { false, true })
    {
        var entries = 0;
        var kept = Measure.Median(keepVotes ? 1 : Repeats, () =>
        {
            using var stream = OpenUnbuffered(path);
            var document = CompareResultsDocument.ParseAsync(stream, new CompareResultsParseOptions { IncludeDetailedResults = keepVotes })
                .GetAwaiter().GetResult();
            entries = document.Results.Count;
        });
        Console.WriteLine($"parse keeping all {entries:N0} entries (ParseAsync), {(keepVotes ? "every vote kept, 1 run" : "votes skipped")}: {kept.Describe(megabytes)}");
    }

    PreferenceAnalysis analysis = null!;
    var fit = Measure.Median(Repeats, () => analysis = PreferenceAnalyzer.Analyze(outcomes, new AnalysisOptions(BootstrapRounds: rounds)));
    Console.WriteLine($"Bradley-Terry + {rounds} bootstrap rounds on the outcomes: {fit.Describe(null)}");
    foreach (var m in analysis.Models)
        Console.WriteLine($"    {m.Rank,2}. {m.Model,-8} {m.Score,7:F1} [{m.ScoreLow:F1}, {m.ScoreHigh:F1}]  (true strength: model0 + {40 * int.Parse(m.Model[5..], CultureInfo.InvariantCulture)})");

    var root = Repository.Root();
    var command = AnalyzeCommandRun.Median(Repeats, AnalyzeCommandRun.ReleaseProgram(root), path, rounds);
    Console.WriteLine(command is null
        ? "analyze command: skipped (build it first: dotnet build -c Release src/PreferenceFunctions.Local)"
        : $"analyze command (dotnet PreferenceFunctions.Local.dll analyze <file> --output <dir>, default outputs, process start included): {command}");
    var native = NativeCli.EnsurePublished(root) is { } cli ? AnalyzeCommandRun.Median(Repeats, [cli], path, rounds) : null;
    Console.WriteLine(native is null
        ? "analyze, native CLI: skipped (publish failed or /usr/bin/time missing)"
        : $"analyze, native CLI (artifacts/cli/PreferenceFunctions.Cli analyze <file> --output <dir>): {native}" +
          (command is null ? "" : $"; {command.WallSeconds / native.WallSeconds:N2}x the JIT program's wall, " +
              $"{command.CpuSeconds / native.CpuSeconds:N2}x its CPU"));

    var pandas = PythonReference.Run("analyze_pandas.py", path, rounds.ToString(CultureInfo.InvariantCulture));
    Console.WriteLine(pandas is null
        ? "pandas + scikit-learn reference: skipped (python3 with pandas and scikit-learn not found)"
        : $"pandas + scikit-learn reference: {pandas.Seconds:N2} s wall, peak {pandas.PeakMegabytes:N0} MB" +
          (command is null ? "" : $"; the analyze command is {pandas.Seconds / command.WallSeconds:N1}x faster by wall time") +
          (native is null ? "" : $", the native CLI {pandas.Seconds / native.WallSeconds:N1}x"));
    // The goal compares with the faster of this machine's pandas run and the issue's (quiet machine), so a slow or
    // overloaded Python run cannot make the command look better than it is.
    var reference = Math.Min(pandas?.Seconds ?? IssuePandasSeconds, IssuePandasSeconds);
    if (command is not null)
        Console.WriteLine($"goal >= 10x the pandas path: analyze <= {reference / 10:N2} s wall (a tenth of {reference:N1} s, " +
            $"the faster of this run and issue 15's {IssuePandasSeconds} s): " +
            $"{(command.WallSeconds <= reference / 10 ? "met" : "not met")}, {reference / command.WallSeconds:N1}x" +
            (native is null ? "" : $"; native CLI: {(native.WallSeconds <= reference / 10 ? "met" : "not met")}, {reference / native.WallSeconds:N1}x"));
}
finally
{
    File.Delete(path);
}

// The parser reads 1 MB at a time itself; a FileStream buffer in front of it would only add a copy.
static FileStream OpenUnbuffered(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);

static long CountTokens(byte[] json)
{
    var reader = new Utf8JsonReader(json);
    var tokens = 0L;
    while (reader.Read()) tokens++;
    return tokens;
}

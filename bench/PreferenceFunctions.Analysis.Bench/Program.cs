using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Rapidata.Results;

// Usage: dotnet run -c Release --project bench/PreferenceFunctions.Analysis.Bench -- [matchups] [models] [votesPerMatchup] [rounds]
// Generates a results document (not timed), then prints, each with wall and CPU time (on a busy machine the CPU time
// is the steadier number):
//   1. the limit: Utf8JsonReader alone reading every token of the document in memory;
//   2. parse -> MatchupOutcomeBuilder -> PreferenceAnalyzer as `analyze` does it (individual votes skipped);
//   3. the same keeping the votes (what the Hugging Face export streams);
//   4. bench/reference/analyze_pandas.py (pandas + scikit-learn, the seed's way) on the same file, when python3 has both.
var matchups = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var models = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var votesPerMatchup = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;

var path = Path.Combine(Path.GetTempPath(), $"bench-results-{Environment.ProcessId}.json");
try
{
    var generate = Stopwatch.StartNew();
    SyntheticResults.Write(path, matchups, models, votesPerMatchup, seed: 1);
    var megabytes = new FileInfo(path).Length / 1e6;
    Console.WriteLine($"document: {matchups:N0} matchups x {votesPerMatchup} votes = {(long)matchups * votesPerMatchup:N0} votes, {models} models, " +
        $"{megabytes:N0} MB (generated in {generate.Elapsed.TotalSeconds:N1} s)");
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release build, load average {LoadAverage()}, " +
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

    var bytes = File.ReadAllBytes(path);
    var tokens = CountTokens(bytes); // warm-up: the JIT's first tier is several times slower
    var limit = new PhaseClock();
    tokens = CountTokens(bytes);
    limit.Lap();
    Console.WriteLine($"limit, Utf8JsonReader alone ({tokens:N0} tokens, in memory): {limit.Total} = {limit.Throughput(megabytes)}");
    bytes = null;

    double analyzeSeconds = 0;
    foreach (var keepVotes in new[] { false, true })
    {
        GC.Collect();
        var clock = new PhaseClock();
        CompareResultsDocument document;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            document = await CompareResultsDocument.ParseAsync(stream, new CompareResultsParseOptions { IncludeDetailedResults = keepVotes });
        var parse = clock.Lap();
        var parseThroughput = clock.Throughput(megabytes);
        var outcomes = MatchupOutcomeBuilder.Build(document);
        var build = clock.Lap();
        var analysis = PreferenceAnalyzer.Analyze(outcomes, new AnalysisOptions(BootstrapRounds: rounds));
        var analyse = clock.Lap();
        if (!keepVotes) analyzeSeconds = clock.WallSeconds;
        Console.WriteLine($"{(keepVotes ? "keeping the votes" : "as analyze does (votes skipped)")}: parse {parse} ({parseThroughput}) + build {build} " +
            $"+ analyse ({rounds} rounds) {analyse} = {clock.Total}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        foreach (var m in analysis.Models)
            Console.WriteLine($"    {m.Rank,2}. {m.Model,-8} {m.Score,7:F1} [{m.ScoreLow:F1}, {m.ScoreHigh:F1}]  (true strength: model0 + {40 * int.Parse(m.Model[5..], CultureInfo.InvariantCulture)})");
        GC.KeepAlive(document);
    }

    var pandas = PythonReference.Run("analyze_pandas.py", path, rounds.ToString(CultureInfo.InvariantCulture));
    Console.WriteLine(pandas is null
        ? "pandas + scikit-learn reference: skipped (python3 with pandas and scikit-learn not found)"
        : $"pandas + scikit-learn reference: {pandas.Seconds:N2} s wall, peak {pandas.PeakMegabytes:N0} MB; ours is {pandas.Seconds / analyzeSeconds:N1}x faster (goal >= 10x)");
}
finally
{
    File.Delete(path);
}

static long CountTokens(byte[] json)
{
    var reader = new Utf8JsonReader(json);
    var tokens = 0L;
    while (reader.Read()) tokens++;
    return tokens;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

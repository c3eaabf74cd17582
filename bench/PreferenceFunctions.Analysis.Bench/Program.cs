using System.Globalization;
using System.Diagnostics;
using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Rapidata.Results;

// Usage: dotnet run -c Release --project bench/PreferenceFunctions.Analysis.Bench -- [matchups] [models] [votesPerMatchup] [rounds]
// Generates a results document (not timed), then times parse -> MatchupOutcomeBuilder -> PreferenceAnalyzer, twice:
// once skipping the individual votes (rankings only) and once keeping them (needed for the Hugging Face export).
// Wall time and CPU time are both printed: on a busy machine the CPU time is the steadier number.
var matchups = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var models = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var votesPerMatchup = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;

var path = Path.Combine(Path.GetTempPath(), $"bench-results-{Environment.ProcessId}.json");
try
{
    var generate = Stopwatch.StartNew();
    SyntheticResults.Write(path, matchups, models, votesPerMatchup, seed: 1);
    Console.WriteLine($"document: {matchups:N0} matchups x {votesPerMatchup} votes = {(long)matchups * votesPerMatchup:N0} votes, {models} models, " +
        $"{new FileInfo(path).Length / 1e6:N0} MB (generated in {generate.Elapsed.TotalSeconds:N1} s)");
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");

    foreach (var keepVotes in new[] { false, true })
    {
        GC.Collect();
        var clock = new PhaseClock();
        CompareResultsDocument document;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            document = await CompareResultsDocument.ParseAsync(stream, new CompareResultsParseOptions { IncludeDetailedResults = keepVotes });
        var parse = clock.Lap();
        var outcomes = MatchupOutcomeBuilder.Build(document);
        var build = clock.Lap();
        var analysis = PreferenceAnalyzer.Analyze(outcomes, new AnalysisOptions(BootstrapRounds: rounds));
        var analyse = clock.Lap();
        Console.WriteLine($"{(keepVotes ? "with detailedResults" : "votes skipped")}: parse {parse} + build {build} + analyse ({rounds} rounds) {analyse} " +
            $"= {clock.Total}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N0} MB");
        foreach (var m in analysis.Models)
            Console.WriteLine($"    {m.Rank,2}. {m.Model,-8} {m.Score,7:F1} [{m.ScoreLow:F1}, {m.ScoreHigh:F1}]  (true strength: model0 + {40 * int.Parse(m.Model[5..], CultureInfo.InvariantCulture)})");
        GC.KeepAlive(document);
    }
}
finally
{
    File.Delete(path);
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

using System.Diagnostics;
using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Pipeline.Results;
using PreferenceFunctions.Rapidata.Results;

// Usage: dotnet run -c Release --project bench/PreferenceFunctions.Analysis.Bench -- [matchups] [models] [votesPerMatchup] [rounds]
// Generates a results document (not timed), then times parse -> MatchupOutcomeBuilder -> PreferenceAnalyzer, twice:
// once keeping every vote (detailedResults, needed for the Hugging Face export) and once skipping them (rankings only).
var matchups = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var models = args.Length > 1 ? int.Parse(args[1]) : 10;
var votesPerMatchup = args.Length > 2 ? int.Parse(args[2]) : 20;
var rounds = args.Length > 3 ? int.Parse(args[3]) : 200;

var path = Path.Combine(Path.GetTempPath(), $"bench-results-{Environment.ProcessId}.json");
try
{
    var generate = Stopwatch.StartNew();
    SyntheticResults.Write(path, matchups, models, votesPerMatchup, seed: 1);
    Console.WriteLine($"document: {matchups:N0} matchups x {votesPerMatchup} votes = {(long)matchups * votesPerMatchup:N0} votes, {models} models, " +
        $"{new FileInfo(path).Length / 1e6:N0} MB (generated in {generate.Elapsed.TotalSeconds:N1} s)");
    Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

    foreach (var keepVotes in new[] { false, true })
    {
        GC.Collect();
        var total = Stopwatch.StartNew();
        CompareResultsDocument document;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            document = await CompareResultsDocument.ParseAsync(stream, new CompareResultsParseOptions { IncludeDetailedResults = keepVotes });
        var parsed = total.Elapsed;
        var outcomes = MatchupOutcomeBuilder.Build(document);
        var built = total.Elapsed;
        var analysis = PreferenceAnalyzer.Analyze(outcomes, new AnalysisOptions(BootstrapRounds: rounds));
        var analysed = total.Elapsed;
        Console.WriteLine($"{(keepVotes ? "with detailedResults   " : "without detailedResults")}: parse {parsed.TotalSeconds:N2} s + build {(built - parsed).TotalSeconds:N2} s " +
            $"+ analyse ({rounds} bootstrap rounds) {(analysed - built).TotalSeconds:N2} s = {analysed.TotalSeconds:N2} s; " +
            $"peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:N0} MB");
        foreach (var m in analysis.Models)
            Console.WriteLine($"    {m.Rank,2}. {m.Model,-8} {m.Score,7:F1} [{m.ScoreLow:F1}, {m.ScoreHigh:F1}]  (true gap to model0: {40 * int.Parse(m.Model[5..])} points)");
        GC.KeepAlive(document);
    }
}
finally
{
    File.Delete(path);
}

using System.Diagnostics;
using System.Globalization;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;

// The refit a leaderboard does when a run lands: sum the runs' pair counts, fit Bradley–Terry, 200 bootstrap rounds.
// Votes come from a Bradley–Terry crowd with known strengths: `models` models, every pair compared, 15 votes a matchup,
// spread over 50 runs. Usage: dotnet run -c Release --project bench/PreferenceFunctions.Leaderboard.Bench [votes] [models]
var votes = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
var modelCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
const int VotesPerMatchup = 15, Runs = 50, Repeats = 5;

var random = new Random(7);
var models = Enumerable.Range(0, modelCount).Select(i => $"model-{i:D3}").ToArray();
var strength = models.Select(_ => random.NextDouble() * 3).ToArray();
var pairs = (from i in Enumerable.Range(0, modelCount) from j in Enumerable.Range(i + 1, modelCount - i - 1) select (i, j)).ToArray();
var matchupsPerRunPair = (int)Math.Max(1, votes / VotesPerMatchup / pairs.Length / Runs);

var generate = Stopwatch.StartNew();
var runs = new List<LeaderboardPair>();
for (var run = 0; run < Runs; run++)
    foreach (var (i, j) in pairs)
    {
        var p = 1 / (1 + Math.Exp(strength[j] - strength[i]));
        var histogram = new int[VotesPerMatchup + 1];
        for (var m = 0; m < matchupsPerRunPair; m++)
        {
            var won = 0;
            for (var v = 0; v < VotesPerMatchup; v++) if (random.NextDouble() < p) won++;
            histogram[won]++;
        }
        var splits = histogram.Select((count, won) => new MatchupSplit(won, VotesPerMatchup - won, count)).Where(s => s.Matchups > 0).ToList();
        runs.Add(new LeaderboardPair(models[i], models[j], splits.Sum(s => (long)s.Votes1 * s.Matchups), splits.Sum(s => (long)s.Votes2 * s.Matchups),
            0, 0, 0, splits, Runs: 1));
    }
generate.Stop();
var totalVotes = runs.Sum(p => p.Votes);
Console.WriteLine(FormattableString.Invariant(
    $"{totalVotes:N0} votes, {runs.Sum(p => p.Matchups):N0} matchups, {modelCount} models, {pairs.Length} pairs, {Runs} runs (generated in {generate.Elapsed.TotalSeconds:F1} s)"));

var times = new List<double>();
IReadOnlyList<PairCountScore> scores = [];
for (var repeat = 0; repeat < Repeats; repeat++)
{
    var refit = Stopwatch.StartNew();
    var summed = LeaderboardPair.Sum(runs);
    scores = PairCountAnalyzer.Analyze([.. summed.Select(p => p.ToCounts())]);
    refit.Stop();
    times.Add(refit.Elapsed.TotalMilliseconds);
}
times.Sort();
Console.WriteLine(FormattableString.Invariant(
    $"refit (sum {Runs} runs' pair counts + Bradley-Terry + {AnalysisOptions.Default.BootstrapRounds} bootstrap rounds): median {times[Repeats / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms over {Repeats} repeats"));
var truth = models.Select((m, i) => (m, strength[i])).OrderByDescending(x => x.Item2).Select(x => x.m).ToArray();
Console.WriteLine($"fitted order equals the true order: {scores.Select(s => s.Model).SequenceEqual(truth)}");
var widest = scores.Max(s => s.ScoreHigh - s.ScoreLow);
Console.WriteLine(FormattableString.Invariant($"widest 95% interval: {widest:F1} points"));

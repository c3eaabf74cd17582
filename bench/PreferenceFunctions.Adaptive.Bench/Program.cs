using System.Diagnostics;
using System.Globalization;
using PreferenceFunctions.Adaptive.Bench;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

// Adaptive `ranking` rounds vs uniform allocation at equal total votes, on the emulator's Bradley–Terry crowd:
// 10 models, most far apart and a few close pairs (the ranking's hard part), 2,000 matchups, Kendall tau of the fitted order against the true one, averaged over seeds.
// Usage: dotnet run -c Release --project bench/PreferenceFunctions.Adaptive.Bench -- [seeds] [png path]
var seeds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var pngPath = args.Length > 1 ? args[1] : Path.Combine("docs", "images", "adaptive-bench.png");
const int Matchups = 2_000, FirstResponses = 5, ExtraResponses = 5, Rounds = 10;
// True strengths (Elo-like points): pairs 1-2, 4-5, 6-7 and 9-10 are close; the rest are decided after a few votes.
double[] elo = [0, 90, 105, 200, 212, 300, 310, 400, 480, 490];
int[] votesPerMatchup = [5, 6, 7, 8, 10, 12, 15];

var clock = Stopwatch.StartNew();
var uniform = new List<BenchPoint>();
var adaptive = new List<BenchPoint>();
foreach (var perMatchup in votesPerMatchup)
{
    var total = perMatchup * Matchups;
    var settings = new AdaptiveSettings(Rounds, ExtraResponses, total - FirstResponses * Matchups, AdaptiveStop.Ranking);
    var u = new List<Allocation.Outcome>();
    var a = new List<Allocation.Outcome>();
    for (var seed = 1; seed <= seeds; seed++)
    {
        u.Add(Allocation.Uniform(new SimulatedCrowd(seed, elo, Matchups), perMatchup));
        a.Add(perMatchup == FirstResponses
            ? u[^1]
            : Allocation.Adaptive(new SimulatedCrowd(seed, elo, Matchups), FirstResponses, settings));
    }
    uniform.Add(BenchPoint.Of(total, u));
    adaptive.Add(BenchPoint.Of(total, a));
    Console.Error.WriteLine(FormattableString.Invariant($"{total:N0} votes done after {clock.Elapsed.TotalSeconds:F0} s"));
}

Console.WriteLine(FormattableString.Invariant(
    $"{elo.Length} models (Elo {string.Join(", ", elo)}), {Matchups:N0} matchups, {seeds} seeds; adaptive: {FirstResponses} votes each, then ranking rounds of {ExtraResponses} (at most {Rounds} rounds)"));
Console.WriteLine();
Console.WriteLine("| Budget (votes) | Uniform: mean tau | Uniform: exact order | Adaptive: votes used | Adaptive: mean tau | Adaptive: exact order | Adaptive: rounds |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
for (var i = 0; i < uniform.Count; i++)
    Console.WriteLine(FormattableString.Invariant(
        $"| {uniform[i].Budget:N0} | {uniform[i].Tau:F3} | {uniform[i].Exact:P0} | {adaptive[i].Votes:N0} | {adaptive[i].Tau:F3} | {adaptive[i].Exact:P0} | {adaptive[i].Rounds:F1} |"));
var target = uniform[^1];
var reaching = adaptive.FirstOrDefault(p => p.Tau >= target.Tau);
Console.WriteLine();
Console.WriteLine(reaching is null
    ? FormattableString.Invariant($"Adaptive did not reach uniform-15's mean tau {target.Tau:F3} within {target.Budget:N0} votes.")
    : FormattableString.Invariant(
        $"Adaptive reaches uniform-15's mean tau {target.Tau:F3} with {reaching.Votes:N0} votes: {1 - reaching.Votes / (double)target.Votes:P0} fewer than {target.Votes:N0}."));

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
File.WriteAllBytes(pngPath, BenchChart.Render(uniform, adaptive, target.Tau));
Console.Error.WriteLine($"Chart: {pngPath} ({clock.Elapsed.TotalSeconds:F0} s in all)");

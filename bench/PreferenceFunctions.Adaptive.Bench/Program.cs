using System.Diagnostics;
using System.Globalization;
using PreferenceFunctions.Adaptive.Bench;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

// Adaptive rounds vs uniform allocation at equal total votes, on the emulator's Bradley–Terry crowd: 10 models, most far
// apart and a few close pairs (the ranking's hard part), 2,000 matchups, Kendall tau of the fitted order against the true
// one, averaged over seeds. Tune on one seed range, report on another (e.g. 1-10, then 11-30).
// Usage: dotnet run -c Release --project bench/PreferenceFunctions.Adaptive.Bench -- [first-last seeds] [png path] [stop]
//        [adaptive budgets, comma-separated (fewer while exploring)]
var seedRange = (args.Length > 0 ? args[0] : "11-30").Split('-').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var seeds = Enumerable.Range(seedRange[0], seedRange[^1] - seedRange[0] + 1).ToList();
var pngPath = args.Length > 1 ? args[1] : Path.Combine("docs", "images", "adaptive-bench.png");
var stop = args.Length > 2 ? Enum.Parse<AdaptiveStop>(args[2], ignoreCase: true) : AdaptiveStop.Budget;
const int Matchups = 2_000, FirstResponses = 3, ExtraResponses = 5, Rounds = 10;
// True strengths (Elo-like points): pairs 1-2, 4-5, 6-7 and 9-10 are close; the rest are decided after a few votes.
double[] elo = [0, 90, 105, 200, 212, 300, 310, 400, 480, 490];
int[] uniformPerMatchup = [3, 5, 6, 7, 8, 10, 12, 15];
// 21,000 is uniform-15's 30,000 less 30%.
int[] adaptiveBudgets = args.Length > 3
    ? [.. args[3].Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture))]
    : [12_000, 14_000, 16_000, 18_000, 21_000, 24_000, 30_000];

var clock = Stopwatch.StartNew();
var uniform = new List<BenchPoint>();
foreach (var perMatchup in uniformPerMatchup)
{
    var runs = seeds.Select(seed => Allocation.Uniform(new SimulatedCrowd(seed, elo, Matchups), perMatchup)).ToList();
    uniform.Add(BenchPoint.Of(perMatchup * Matchups, runs));
}
var ceiling = seeds.AsParallel().Select(seed => Allocation.Ceiling(new SimulatedCrowd(seed, elo, Matchups))).ToList();
var ceilingPoint = BenchPoint.Of(0, ceiling);
Console.Error.WriteLine(FormattableString.Invariant($"uniform done after {clock.Elapsed.TotalSeconds:F0} s"));
var adaptive = new List<BenchPoint> { uniform[0] }; // 3 votes each: the first round alone
foreach (var budget in adaptiveBudgets)
{
    var settings = new AdaptiveSettings(Rounds, ExtraResponses, budget - FirstResponses * Matchups, stop);
    var runs = seeds.AsParallel().AsOrdered()
        .Select(seed => Allocation.Adaptive(new SimulatedCrowd(seed, elo, Matchups), FirstResponses, settings)).ToList();
    adaptive.Add(BenchPoint.Of(budget, runs));
    Console.Error.WriteLine(FormattableString.Invariant($"adaptive {budget:N0} done after {clock.Elapsed.TotalSeconds:F0} s"));
}

var stopName = stop.ToString().ToLowerInvariant();
Console.WriteLine(FormattableString.Invariant(
    $"{elo.Length} models (Elo {string.Join(", ", elo)}), {Matchups:N0} matchups, ") + FormattableString.Invariant(
    $"seeds {seeds[0]}-{seeds[^1]}; adaptive: {FirstResponses} votes each, ") + FormattableString.Invariant(
    $"then \"{stopName}\" rounds of {ExtraResponses} (at most {Rounds} rounds)"));
Console.WriteLine();
Console.WriteLine("| Allocation | Budget (votes) | Votes used | Mean tau | Exact order | Rounds | Vote correlation | vs uniform, same votes |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
string VersusUniform(BenchPoint p, string name) =>
    name == "uniform" || uniform.FirstOrDefault(u => u.Budget == p.Budget) is not { } same || p.Rounds == 1 ? "" : Paired(p.Minus(same));
static string Paired((double Difference, double StandardError) d) => FormattableString.Invariant($"{d.Difference:+0.000;-0.000} ± {d.StandardError:F3}");
foreach (var (name, points) in new[] { ("uniform", uniform), ($"adaptive ({stopName})", adaptive) })
    foreach (var p in points)
        Console.WriteLine(FormattableString.Invariant(
            $"| {name} | {p.Budget:N0} | {p.Votes:N0} | {p.Tau:F3} | {p.Exact:P0} | {p.Rounds:F1} | {p.VoteCorrelation:F3} | {VersusUniform(p, name)} |"));
Console.WriteLine(FormattableString.Invariant(
    $"| ceiling: every matchup, no voter noise | - | infinite | {ceilingPoint.Tau:F3} | {ceilingPoint.Exact:P0} | - | - | |"));
var target = uniform[^1];
// Mean taus are multiples of 2 / 45 / seeds: equal means may differ in the last bits from summing in another order.
var reaching = adaptive.FirstOrDefault(p => p.Tau >= target.Tau - 1e-9);
Console.WriteLine();
Console.WriteLine("Differences are paired by seed (the same crowd), ± one standard error.");
Console.WriteLine(reaching is null
    ? FormattableString.Invariant($"Adaptive did not reach uniform-15's mean tau {target.Tau:F4} within {adaptive[^1].Votes:N0} votes.")
    : FormattableString.Invariant(
        $"Adaptive reaches uniform-15's mean tau {target.Tau:F4} with {reaching.Votes:N0} votes: ") + FormattableString.Invariant(
        $"{1 - reaching.Votes / (double)target.Votes:P0} fewer than {target.Votes:N0}."));
var goal = adaptive.FirstOrDefault(p => p.Budget == 21_000);
if (goal is not null)
    Console.WriteLine(FormattableString.Invariant(
        $"Adaptive at 21,000 votes (uniform-15 less 30%): tau {goal.Tau:F4}, vs uniform-15 {Paired(goal.Minus(target))}."));

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
File.WriteAllBytes(pngPath, BenchChart.Render(uniform, adaptive, target.Tau, ceilingPoint.Tau, $"adaptive ({stopName})"));
Console.Error.WriteLine($"Chart: {pngPath} ({clock.Elapsed.TotalSeconds:F0} s in all)");

using PreferenceFunctions.Emulator;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Adaptive.Bench;

/// <summary>
/// The emulator's crowd in-process (same model as its <c>CrowdSession</c>, same defaults from <see cref="CrowdOptions"/>):
/// each image's strength is its model's times exp(ImageNoise x N(0,1)); a vote picks image 1 with probability
/// s1 / (s1 + s2), except from the LowScoreVoterShare of annotators who vote at random.
/// </summary>
internal sealed class SimulatedCrowd
{
    private readonly CrowdOptions _crowd = new();
    private readonly Random _random;
    private readonly Dictionary<string, (double Strength1, double Strength2)> _images = [];

    /// <param name="elo">Each model's true strength on the report's Elo-like scale (400 points = 10x the odds).</param>
    public SimulatedCrowd(int seed, IReadOnlyList<double> elo, int matchups)
    {
        _random = new Random(seed);
        var models = elo.Count;
        Models = Enumerable.Range(0, models).Select(i => $"model-{i:D2}").ToArray();
        TrueStrengths = elo.Select(points => Math.Pow(10, points / 400)).ToArray();
        var list = new List<Matchup>(matchups);
        for (var k = 0; k < matchups; k++)
        {
            var a = _random.Next(models);
            var b = (a + 1 + _random.Next(models - 1)) % models;
            var id = $"m{k:D5}";
            list.Add(new Matchup { Id = id, Prompt = id, Image1 = $"{id}-1.png", Image2 = $"{id}-2.png", Model1 = Models[a], Model2 = Models[b] });
            _images[id] = (TrueStrengths[a] * Noise(), TrueStrengths[b] * Noise());
        }
        Matchups = list;
    }

    public string[] Models { get; }
    public double[] TrueStrengths { get; }
    public IReadOnlyList<Matchup> Matchups { get; }

    /// <summary>Draws <paramref name="votes"/> votes for the matchup.</summary>
    public (int Votes1, int Votes2) Vote(Matchup matchup, int votes)
    {
        var (s1, s2) = _images[matchup.Id];
        var chance = s1 / (s1 + s2);
        int first = 0;
        for (var v = 0; v < votes; v++)
        {
            var random = _random.NextDouble() < _crowd.LowScoreVoterShare;
            if (_random.NextDouble() < (random ? 0.5 : chance)) first++;
        }
        return (first, votes - first);
    }

    /// <summary>The share of votes image 1 gets with infinitely many votes (the random voters included).</summary>
    public double ExpectedShare(Matchup matchup)
    {
        var (s1, s2) = _images[matchup.Id];
        return _crowd.LowScoreVoterShare * 0.5 + (1 - _crowd.LowScoreVoterShare) * s1 / (s1 + s2);
    }

    private double Noise()
    {
        // Box–Muller: one standard normal draw.
        var u1 = 1 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Exp(_crowd.ImageNoise * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>Draws a datapoint's votes: Bradley–Terry on hidden strengths, from seeded annotators, stopped by the referee.</summary>
/// <remarks>One session per computation, so settings stay fixed throughout and asset strengths are computed once.</remarks>
internal sealed class CrowdSession(CrowdOptions crowd, AnnotatorPool annotators)
{
    private readonly ConcurrentDictionary<string, double> strengths = new(StringComparer.Ordinal);

    public List<Vote> Votes(OrderRecord order, DatapointRecord datapoint, int limit = int.MaxValue)
    {
        // Not the order's name: a client names each order after its run, and the same dataset must draw the same votes.
        var random = new Random(StableHash.Seed(
            crowd.Seed, datapoint.OrderKey.ToString(CultureInfo.InvariantCulture), datapoint.Options[0], datapoint.Options[1]));
        var strengthA = Strength(datapoint.Options[0]);
        var strengthB = Strength(datapoint.Options[1]);
        var chanceA = strengthA / (strengthA + strengthB);
        var votes = new List<Vote>(Math.Min(order.Referee.MaxVotes, limit));
        int a = 0, b = 0;
        while (votes.Count < limit && !RefereeRules.IsDone(order.Referee, a, b, votes.Count))
        {
            // Always three draws per vote, so settings never shift the rest of the sequence.
            var annotator = annotators[random.Next(annotators.Count)];
            var unsureRoll = random.NextDouble();
            var pick = random.NextDouble();
            var choice = order.AllowUnsure && unsureRoll < crowd.UnsureShare ? (pick < 0.5 ? Vote.Both : Vote.Neither)
                : annotator.VotesAtRandom ? (pick < 0.5 ? 0 : 1)
                : pick < chanceA ? 0 : 1;
            a += choice == 0 ? 1 : 0;
            b += choice == 1 ? 1 : 0;
            votes.Add(new Vote(choice, annotator));
        }

        return votes;
    }

    private double Strength(string option) => strengths.GetOrAdd(option, name => StrengthModel.Of(name, crowd));
}

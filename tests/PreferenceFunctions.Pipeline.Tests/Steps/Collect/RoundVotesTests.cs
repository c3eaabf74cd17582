using PreferenceFunctions.Pipeline.Steps.Collect;
using PreferenceFunctions.Pipeline.Tests.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Collect;

public sealed class RoundVotesTests
{
    [Fact]
    public void Merge_TwoRounds_EveryCountIsTheSumAndTheWinnerLeadsTheSum()
    {
        var first = new[] { Outcomes.Of("m1", "a", "b", 3, 2), Outcomes.Of("m2", "a", "b", 4, 1) };
        var second = new[] { Outcomes.Of("m1", "a", "b", 1, 5) with { BothVotes = 1 } };
        var third = new[] { Outcomes.Of("m1", "a", "b", 0, 2) };

        var merged = RoundVotes.Merge(first, [second, third]);

        Assert.Equal(["m1", "m2"], merged.Select(m => m.Matchup.Id));
        Assert.Equal((4, 9, 1, 4.0, 9.0), (merged[0].Votes1, merged[0].Votes2, merged[0].BothVotes, merged[0].WeightedVotes1, merged[0].WeightedVotes2));
        Assert.Equal(merged[0].Matchup.Image2, merged[0].Winner);
        Assert.Equal(first[1], merged[1]);
    }

    [Fact]
    public void Merge_RoundWithAnUnknownMatchup_NamesIt()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            RoundVotes.Merge([Outcomes.Of("m1", "a", "b", 3, 2)], [[Outcomes.Of("m9", "a", "b", 1, 1)]]));

        Assert.Contains("'m9'", error.Message);
    }
}

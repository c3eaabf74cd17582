using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

public sealed class VoteBreakdownBuilderTests
{
    private static VoteRow Vote(string votedModel, string? country, string? age, string modelA = "flux", string modelB = "sd3")
    {
        var votedFor = votedModel == modelA ? "a.png" : votedModel == modelB ? "b.png" : votedModel;
        return new VoteRow("run", "m", "p", modelA, modelB, "a.png", "b.png", votedFor, votedModel, country, "en", age, null, null,
            new Dictionary<string, double>());
    }

    private static IEnumerable<VoteRow> Votes(int count, string votedModel, string? country, string? age) =>
        Enumerable.Range(0, count).Select(_ => Vote(votedModel, country, age));

    [Fact]
    public void Build_CountsWinsPerGroupAndHidesCellsUnderTheMinimum()
    {
        var builder = new VoteBreakdownBuilder();
        foreach (var vote in Votes(9, "flux", "DE", "18-29").Concat(Votes(3, "sd3", "DE", "30-39")).Concat(Votes(4, "sd3", "US", null))
            .Concat(Votes(5, "Both", "US", null)))
            builder.Add(vote);

        var breakdown = builder.Build(minVotes: 5);

        Assert.Equal(["DE"], breakdown.ByCountry.Groups);   // US has 4 image votes: hidden
        Assert.Equal(1, breakdown.ByCountry.HiddenGroups);
        Assert.Equal(["flux", "sd3"], breakdown.ByCountry.Models);
        Assert.Equal(new BreakdownCell(9, 12), breakdown.ByCountry.Cells[0][0]);
        Assert.Equal(0.25, breakdown.ByCountry.Cells[1][0]!.WinRate);
        Assert.Equal(["18-29"], breakdown.ByAge.Groups);   // 30-39 (3) and not given (4) are under 5
        Assert.Equal(2, breakdown.ByAge.HiddenGroups);
    }

    [Fact]
    public void Build_ModelAgainstItself_IsLeftOut()
    {
        var builder = new VoteBreakdownBuilder();
        for (var i = 0; i < 40; i++) builder.Add(Vote("flux", "DE", "18-29", modelA: "flux", modelB: "flux"));

        var breakdown = builder.Build();

        Assert.Empty(breakdown.ByCountry.Models);
        Assert.Empty(breakdown.ByCountry.Groups);
    }
}

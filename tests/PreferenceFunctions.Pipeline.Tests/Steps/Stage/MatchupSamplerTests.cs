using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class MatchupSamplerTests
{
    private static readonly ImageEntry A = new("a.png", ImageSource.Blob, 1, "a.png");
    private static readonly ImageEntry B = new("b.png", ImageSource.Blob, 1, "b.png");
    private static readonly IReadOnlyList<MatchupRow> Rows = [.. Enumerable.Range(0, 1000).Select(i => new MatchupRow(
        Row: i + 2, Line: i + 2, Id: null, Prompt: $"p{i}", Image1: A, Image2: B, Model1: "a", Model2: "b", Metadata: null))];

    [Fact]
    public void Sample_SameSeed_PicksSameRowsInFileOrder()
    {
        var first = MatchupSampler.Sample(Rows, 40, 7);
        var second = MatchupSampler.Sample(Rows, 40, 7);

        Assert.Equal(40, first.Count);
        Assert.Equal(first.Select(r => r.Row), second.Select(r => r.Row));
        Assert.Equal(first.Select(r => r.Row).Order(), first.Select(r => r.Row));
    }

    [Fact]
    public void Sample_DifferentSeed_PicksDifferentRows()
    {
        Assert.NotEqual(MatchupSampler.Sample(Rows, 40, 1).Select(r => r.Row), MatchupSampler.Sample(Rows, 40, 2).Select(r => r.Row));
    }

    [Fact]
    public void Sample_NoSeed_IsStillReproducible()
    {
        Assert.Equal(MatchupSampler.Sample(Rows, 5, null).Select(r => r.Row), MatchupSampler.Sample(Rows, 5, MatchupSampler.DefaultSeed).Select(r => r.Row));
    }

    [Fact]
    public void Sample_MoreThanRowsOrNone_ReturnsAll()
    {
        Assert.Equal(1000, MatchupSampler.Sample(Rows, 5000, 1).Count);
        Assert.Same(Rows, MatchupSampler.Sample(Rows, null, null));
    }
}

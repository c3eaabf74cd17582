using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class MatchupDeduplicatorTests
{
    [Fact]
    public void TryAdd_SameImagesInEitherOrderAndSamePrompt_IsDuplicateOfFirstRow()
    {
        var seen = new MatchupDeduplicator(indexImageCount: 10);

        Assert.True(seen.TryAdd(TextHash.Of("a fox"), 3, 7, row: 2, out _));
        Assert.False(seen.TryAdd(TextHash.Of("a fox"), 7, 3, row: 5, out var firstRow));
        Assert.Equal(2, firstRow);
    }

    [Fact]
    public void TryAdd_LowerImageSharedByOtherMatchups_KeepsFindingEveryEarlierMatchup()
    {
        var seen = new MatchupDeduplicator(indexImageCount: 10);

        Assert.True(seen.TryAdd(TextHash.Of("a fox"), 1, 2, row: 2, out _));
        Assert.True(seen.TryAdd(TextHash.Of("a fox"), 1, 3, row: 3, out _)); // same lower image, other partner
        Assert.True(seen.TryAdd(TextHash.Of("a cat"), 2, 1, row: 4, out _)); // same images, other prompt
        Assert.False(seen.TryAdd(TextHash.Of("a fox"), 2, 1, row: 5, out var first));
        Assert.False(seen.TryAdd(TextHash.Of("a fox"), 3, 1, row: 6, out var second));
        Assert.False(seen.TryAdd(TextHash.Of("a cat"), 1, 2, row: 7, out var third));
        Assert.Equal((2, 3, 4), (first, second, third));
    }

    [Fact]
    public void TryAdd_UrlImagesWithNegativeIds_AreDeduplicatedToo()
    {
        var seen = new MatchupDeduplicator(indexImageCount: 2);

        Assert.True(seen.TryAdd(TextHash.Of("a fox"), -1, 0, row: 2, out _));
        Assert.True(seen.TryAdd(TextHash.Of("a fox"), -1, -2, row: 3, out _));
        Assert.False(seen.TryAdd(TextHash.Of("a fox"), 0, -1, row: 4, out var firstRow));
        Assert.False(seen.TryAdd(TextHash.Of("a fox"), -2, -1, row: 5, out var secondRow));
        Assert.Equal((2, 3), (firstRow, secondRow));
    }

    [Fact]
    public void TryAdd_KeySetSizedAheadForManyRows_FindsEveryDuplicateWithItsFirstRow()
    {
        var seen = new MatchupDeduplicator(indexImageCount: 100);
        seen.ExpectRows(20_000);

        for (var row = 2; row < 20_002; row++) Assert.True(seen.TryAdd(TextHash.Of($"prompt {row}"), row % 100, (row + 1) % 100, row, out _));

        Assert.False(seen.TryAdd(TextHash.Of("prompt 2"), 3, 2, row: 20_002, out var firstOfPair));
        Assert.False(seen.TryAdd(TextHash.Of("prompt 19999"), 0, 99, row: 20_003, out var lastOfPair));
        Assert.True(seen.TryAdd(TextHash.Of("prompt 2"), 2, 4, row: 20_004, out _)); // same prompt, other pair
        Assert.Equal((2, 19_999), (firstOfPair, lastOfPair));
    }
}

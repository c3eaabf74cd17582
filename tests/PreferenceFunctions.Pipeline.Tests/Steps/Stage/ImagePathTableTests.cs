using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class ImagePathTableTests
{
    [Fact]
    public void TryGet_EachPathFindsItsOwnSlot_NearMissesAndAbsentPathsFindNothing()
    {
        var paths = Enumerable.Range(0, 5_000).Select(i => $"model_{i % 7}/image_{i}.png").ToList();
        var items = paths.Select((p, i) => KeyValuePair.Create(p, new ImageSlot(new ImageEntry(p, ImageSource.Blob, i, "set/" + p), i, i))).ToList();
        var table = new ImagePathTable(items);

        for (var i = 0; i < paths.Count; i++)
        {
            Assert.True(table.TryGet(paths[i], out var slot), paths[i]);
            Assert.Equal(i, slot.Id);
            Assert.Same(items[i].Value.Entry, slot.Entry);
        }
        Assert.False(table.TryGet("model_0/image_0.PNG", out _)); // ordinal: case matters
        Assert.False(table.TryGet("model_0/image_0.png ", out _));
        Assert.False(table.TryGet("model_1/image_0.png", out _));
        Assert.False(table.TryGet("", out _));
    }

    [Fact]
    public void TryGet_EmptyTable_FindsNothing() =>
        Assert.False(new ImagePathTable([]).TryGet("a.png", out _));
}

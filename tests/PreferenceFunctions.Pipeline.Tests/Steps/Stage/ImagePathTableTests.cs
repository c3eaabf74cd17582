using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class ImagePathTableTests
{
    [Fact]
    public void TryGet_EachPathFindsItsOwnSlot_NearMissesAndAbsentPathsFindNothing()
    {
        var entries = Enumerable.Range(0, 5_000).Select(i => Entry($"model_{i % 7}/image_{i}.png", i)).ToList();
        var table = new ImagePathTable(entries, firstId: 10);

        for (var i = 0; i < entries.Count; i++)
        {
            Assert.True(table.TryGet(entries[i].Path, out var slot), entries[i].Path);
            Assert.Equal(10 + i, slot.Id);
            Assert.Same(entries[i], slot.Entry);
        }
        Assert.False(table.TryGet("model_0/image_0.PNG", out _)); // ordinal: case matters
        Assert.False(table.TryGet("model_0/image_0.png ", out _));
        Assert.False(table.TryGet("model_1/image_0.png", out _));
        Assert.False(table.TryGet("", out _));
    }

    [Fact]
    public void New_PathListedTwice_KeepsItsFirstEntry_IdsStayDense()
    {
        var first = Entry("flux/a.png", 1);
        var table = new ImagePathTable([first, Entry("flux/b.png", 2), Entry("flux/a.png", 3), Entry("flux/c.png", 4)], firstId: 0);

        Assert.Equal(["flux/a.png", "flux/b.png", "flux/c.png"], table.Slots.Select(s => s.Entry.Path));
        Assert.Equal([0, 1, 2], table.Slots.Select(s => s.Id));
        Assert.True(table.TryGet("flux/a.png", out var slot));
        Assert.Same(first, slot.Entry);
    }

    [Fact]
    public void TryGet_EmptyTable_FindsNothing() =>
        Assert.False(new ImagePathTable([], firstId: 0).TryGet("a.png", out _));

    private static ImageEntry Entry(string path, long size) => new(path, ImageSource.Blob, size, "set/" + path);
}

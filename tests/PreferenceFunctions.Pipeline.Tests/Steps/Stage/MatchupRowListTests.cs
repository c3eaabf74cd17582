using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class MatchupRowListTests
{
    /// <summary>First and last rows of the first chunk, first of the second, the last row.</summary>
    private static readonly int[] ChunkEdges = [0, 2047, 2048, 4999];

    private static readonly ImageEntry A = new("a.png", ImageSource.Blob, 1, "a.png");

    [Fact]
    public void Add_AcrossSeveralChunks_KeepsFileOrderForIndexAndEnumeration()
    {
        var rows = new MatchupRowList();
        for (var i = 0; i < 5000; i++) rows.Add(new MatchupRow(
            Row: i + 2, Line: i + 2, Id: null, Prompt: $"p{i}", Image1: A, Image2: A, Model1: "a", Model2: "b", Metadata: null));

        Assert.Equal(5000, rows.Count);
        Assert.Equal(["p0", "p2047", "p2048", "p4999"], ChunkEdges.Select(i => rows[i].Prompt));
        Assert.Equal(Enumerable.Range(2, 5000), rows.Select(r => r.Row));
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[5000]);
    }
}

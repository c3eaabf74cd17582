using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>How the staged matchups are cut into upload chunks: by count, and by the bytes of the images a chunk uploads.</summary>
public sealed class ManifestChunkSplitTests
{
    [Fact]
    public void Split_SmallImages_CutsByCountAlone()
    {
        var matchups = Enumerable.Range(0, 25).Select(i => Matchup(i, ($"a{i}", 300), ($"b{i}", 300))).ToList();

        var chunks = ManifestBuilder.Split(matchups, maxMatchups: 10, maxImageBytes: 1_000_000).ToList();

        Assert.Equal([10, 10, 5], chunks.Select(c => c.Count));
        Assert.Equal(matchups, chunks.SelectMany(c => c));
    }

    [Fact]
    public void Split_LargeImages_EndsAChunkBeforeItsImagesPassTheByteCap()
    {
        // 2 x 100 bytes a matchup, a cap of 450: two matchups (400 bytes) fit, a third would make 600.
        var matchups = Enumerable.Range(0, 5).Select(i => Matchup(i, ($"a{i}", 100), ($"b{i}", 100))).ToList();

        var chunks = ManifestBuilder.Split(matchups, maxMatchups: 10, maxImageBytes: 450).ToList();

        Assert.Equal([2, 2, 1], chunks.Select(c => c.Count));
        Assert.Equal(matchups, chunks.SelectMany(c => c));
    }

    [Fact]
    public void Split_AnImageTwiceInAChunk_CountsItsBytesOnce()
    {
        // The same reference image (same content) against four others: 100 + 4 x 100 = 500 bytes, not 800.
        var matchups = Enumerable.Range(0, 4).Select(i => Matchup(i, ("reference", 100), ($"b{i}", 100))).ToList();

        var chunks = ManifestBuilder.Split(matchups, maxMatchups: 10, maxImageBytes: 500).ToList();

        Assert.Equal([4], chunks.Select(c => c.Count));
    }

    [Fact]
    public void Split_AMatchupLargerThanTheCap_GetsAChunkOfItsOwn()
    {
        var matchups = new[] { Matchup(0, ("a", 10), ("b", 10)), Matchup(1, ("huge1", 900), ("huge2", 900)), Matchup(2, ("c", 10), ("d", 10)) };

        var chunks = ManifestBuilder.Split(matchups, maxMatchups: 10, maxImageBytes: 1000).ToList();

        Assert.Equal([["m0"], ["m1"], ["m2"]], chunks.Select(c => c.Select(m => m.MatchupId).ToArray()));
    }

    [Fact]
    public void Split_UrlImages_HaveNoBytesToUploadAndCutByCount()
    {
        var url = new ManifestImage("https://example.com/1.png", ImageSource.Url, "1.png", null, null, "flux");
        var matchups = Enumerable.Range(0, 7).Select(i => new ManifestMatchup($"m{i}", i, "p", url with { Path = $"https://example.com/{i}a.png" },
            url with { Path = $"https://example.com/{i}b.png" }, new Dictionary<string, string>())).ToList();

        var chunks = ManifestBuilder.Split(matchups, maxMatchups: 3, maxImageBytes: 1).ToList();

        Assert.Equal([3, 3, 1], chunks.Select(c => c.Count));
    }

    private static ManifestMatchup Matchup(int i, (string Sha, long Bytes) first, (string Sha, long Bytes) second) =>
        new($"m{i}", i, "a prompt", Image(first, "flux"), Image(second, "sd3"), new Dictionary<string, string>());

    private static ManifestImage Image((string Sha, long Bytes) image, string model) =>
        new($"images/{model}/{image.Sha}.png", ImageSource.Blob, $"{image.Sha}.png", image.Sha, image.Bytes, model, PackOffset: 0);
}

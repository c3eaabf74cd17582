using System.Text.Json;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>Manifest chunks are stored while a run is under way: the shape written before must still be written and read.</summary>
public sealed class ManifestChunkJsonTests
{
    private static readonly string Stored = """
        {"index":3,"matchups":[{"matchupId":"m-1","sortIndex":24,"prompt":"a fox",
        "image1":{"path":"images/flux/1.png","source":"blob","fileName":"1.png","sha256":"ab12","sizeBytes":1234,"model":"flux"},
        "image2":{"path":"https://example.com/2.png","source":"url","fileName":"2.png","model":"sd3"},
        "privateMetadata":{"category":"animals"}}]}
        """.ReplaceLineEndings("");

    [Fact]
    public void Serialize_Chunk_WritesTheStoredShape()
    {
        var chunk = new ManifestChunk(3,
        [
            new ManifestMatchup("m-1", 24, "a fox",
                new ManifestImage("images/flux/1.png", ImageSource.Blob, "1.png", "ab12", 1234, "flux"),
                new ManifestImage("https://example.com/2.png", ImageSource.Url, "2.png", null, null, "sd3"),
                new Dictionary<string, string> { ["category"] = "animals" }),
        ]);

        Assert.Equal(Stored, JsonSerializer.Serialize(chunk, DatasetJson.Options));
    }

    [Fact]
    public void Deserialize_StoredChunk_ReadsEveryFieldBack()
    {
        var chunk = JsonSerializer.Deserialize<ManifestChunk>(Stored, DatasetJson.Options)!;

        var matchup = Assert.Single(chunk.Matchups);
        Assert.Equal(("m-1", 24, "a fox"), (matchup.MatchupId, matchup.SortIndex, matchup.Prompt));
        Assert.Equal(new ManifestImage("images/flux/1.png", ImageSource.Blob, "1.png", "ab12", 1234, "flux"), matchup.Image1);
        Assert.Equal(new ManifestImage("https://example.com/2.png", ImageSource.Url, "2.png", null, null, "sd3"), matchup.Image2);
        Assert.Equal("animals", matchup.PrivateMetadata["category"]);
        Assert.Equal(Stored, JsonSerializer.Serialize(chunk, DatasetJson.Options));
    }
}

using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class MatchupIdsTests
{
    [Fact]
    public void DeriveHash_SameContent_FormatsAsTheDerivedIdAndParsesBack()
    {
        var id = MatchupIds.Derive("a fox, in snow", "flux/a.png", "sd/b.png");

        var hash = MatchupIds.DeriveHash("a fox, in snow", "flux/a.png", "sd/b.png");

        Assert.Equal(id, MatchupIds.Format(hash));
        Assert.True(MatchupIds.TryParse(id, out var parsed));
        Assert.Equal(hash, parsed);
    }

    [Fact]
    public void DeriveHash_LongPrompt_MatchesTheStringForm()
    {
        var prompt = new string('é', 3000); // over the stack buffer: the pooled one is used

        Assert.Equal(MatchupIds.Derive(prompt, "a.png", "b.png"), MatchupIds.Format(MatchupIds.DeriveHash(prompt, "a.png", "b.png")));
    }

    [Theory]
    [InlineData("m-00ff00ff00ff00F0")] // upper case: never a derived id
    [InlineData("m-00ff00ff00ff00f")] // 15 digits
    [InlineData("x-00ff00ff00ff00f0")]
    [InlineData("m-00ff00ff00ff00g0")]
    public void TryParse_NotTheDerivedForm_IsFalse(string id) => Assert.False(MatchupIds.TryParse(id, out _));
}

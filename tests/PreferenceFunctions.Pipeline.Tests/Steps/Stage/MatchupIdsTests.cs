using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
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

    [Fact]
    public void Validate_DerivedIdsOverManyHashingBatches_ClashNamesTheRightRows()
    {
        // 6,000 rows of ~200 bytes: the derived ids are hashed in several 256 KiB batches on a second thread.
        var prompts = Enumerable.Range(0, 6_000).Select(i => $"{new string('x', 150)} {i}").ToList();
        var clash = MatchupIds.Derive(prompts[3_998], "flux/flux_1_0.png", "stable_diffusion/stable_diffusion_1_1.png");
        var csv = "prompt,image1,image2,id\n" + string.Concat(prompts.Select(p => $"{p},flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png,\n"))
            + $"last,flux/flux_2_0.png,stable_diffusion/stable_diffusion_2_1.png,{clash}\n";

        var (scan, problems) = CsvCheck.Run(csv, new DatasetOptions { MaxRows = 10_000 });

        Assert.Equal(6_001, scan.Matchups.Count);
        var problem = problems.Single(ProblemCodes.DuplicateId);
        Assert.Equal(4_000, problem.Row); // prompt 3,998 is on row 4,000; the explicit id is on row 6,002
        Assert.Contains($"\"{clash}\", is already the id of row 6002", problem.Message, StringComparison.Ordinal);
    }
}

using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>Careless or hostile rows: every cap is a row-level error naming the file, row and field, before anything is uploaded.</summary>
public sealed class DatasetCapsTests
{
    private const string Header = "prompt,image1,image2\n";
    private const string Images = "flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png";

    [Fact]
    public void Validate_PromptOverMaxPromptChars_RejectsRowNamingPrompt()
    {
        var (scan, problems) = CsvCheck.Run(Header + new string('x', 101) + "," + Images + "\n", new DatasetOptions { MaxPromptChars = 100 });

        var problem = problems.Single(ProblemCodes.PromptTooLong);
        Assert.Equal((2, "prompt"), (problem.Row, problem.Column));
        Assert.Contains("101 characters, over the limit of 100 (Preference__Datasets__MaxPromptChars)", problem.Message);
        Assert.Empty(scan.Matchups);
    }

    [Fact]
    public void Validate_ModelNameOverLimit_RejectsRowNamingColumn()
    {
        var (scan, problems) = CsvCheck.Run("prompt,image1,image2,model1,model2\na fox," + Images + "," + new string('m', 11) + ",sd\n",
            new DatasetOptions { MaxModelNameChars = 10 });

        var problem = problems.Single(ProblemCodes.ModelNameTooLong);
        Assert.Equal((2, "model1"), (problem.Row, problem.Column));
        Assert.Empty(scan.Matchups);
    }

    [Fact]
    public void Validate_MoreModelsThanLimit_ReportsTheRowThatCrossesIt()
    {
        var csv = "prompt,image1,image2,model1,model2\n" +
            "a," + Images + ",m1,m2\nb," + Images + ",m1,m3\nc," + Images + ",m4,m5\nd," + Images + ",m6,m7\n";

        var (_, problems) = CsvCheck.Run(csv, new DatasetOptions { MaxModels = 3 });

        var problem = problems.Single(ProblemCodes.TooManyModels);
        Assert.Equal(4, problem.Row);
        Assert.Contains("Preference__Datasets__MaxModels", problem.Message);
    }

    [Fact]
    public void Validate_MetadataOverLimitPerRow_RejectsRow()
    {
        var csv = "prompt,image1,image2,note\na fox," + Images + "," + new string('n', 60) + "\n";

        var (scan, problems) = CsvCheck.Run(csv, new DatasetOptions { MaxMetadataBytesPerRow = 50 });

        var problem = problems.Single(ProblemCodes.MetadataTooLarge);
        Assert.Equal((2, "note"), (problem.Row, problem.Column));
        Assert.Contains("64 bytes, over the limit of 50", problem.Message);
        Assert.Empty(scan.Matchups);
    }

    [Fact]
    public void Validate_ExplicitIdEqualToAnotherRowsDerivedId_IsDuplicateId()
    {
        var derived = CsvCheck.Run(Header + "a fox," + Images + "\n").Scan.Matchups.Single();
        var id = "m-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"a fox\n{derived.Image1.Path}\n{derived.Image2.Path}")).AsSpan(0, 8));
        var csv = "prompt,image1,image2,id\n" +
            "a fox," + Images + ",\n" +
            "a cat,flux/flux_2_0.png,stable_diffusion/stable_diffusion_2_1.png," + id + "\n";

        var (_, problems) = CsvCheck.Run(csv);

        var problem = problems.Single(ProblemCodes.DuplicateId);
        Assert.Equal("id", problem.Column);
        Assert.Contains(id, problem.Message);
    }
}

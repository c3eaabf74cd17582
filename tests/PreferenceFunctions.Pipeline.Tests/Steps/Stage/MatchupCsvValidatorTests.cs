using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class MatchupCsvValidatorTests
{
    private const string Header = "prompt,image1,image2\n";

    [Fact]
    public void Validate_ValidRows_KeepsEveryMatchupWithModelsFromFolders()
    {
        var (scan, problems) = CsvCheck.Run(Header + "a fox,flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png\nA cat,flux/flux_2_0.png,stable_diffusion/stable_diffusion_2_1.png\n");

        Assert.Equal(0, problems.ErrorCount + problems.WarningCount);
        Assert.Equal(2, scan.Matchups.Count);
        Assert.Equal(("flux", "stable_diffusion"), (scan.Matchups[0].Model1, scan.Matchups[0].Model2));
        Assert.Equal(3, scan.Matchups[1].Row);
    }

    [Fact]
    public void Validate_MissingColumns_NamesThemAndRow1()
    {
        var (_, problems) = CsvCheck.Run("prompt,first,image2\nx,a,b\n");

        var problem = problems.Single(ProblemCodes.MissingColumn);
        Assert.Equal((1, "image1"), (problem.Row, problem.Column));
        Assert.Contains("missing required column(s) image1", problem.Message);
    }

    [Fact]
    public void Validate_HeaderCaseAndExtraColumns_MatchesCaseInsensitivelyAndKeepsMetadata()
    {
        var (scan, problems) = CsvCheck.Run("Prompt,IMAGE1,Image2,prompt_id,category\na fox,flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png,7,animals\n");

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal(["prompt_id", "category"], scan.MetadataColumns);
        Assert.Equal(["7", "animals"], scan.Matchups[0].Metadata!);
    }

    [Fact]
    public void Validate_EmptyPrompt_ReportsRowAndPromptColumn()
    {
        var (_, problems) = CsvCheck.Run(Header + "a fox,flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png\n  ,flux/flux_2_0.png,stable_diffusion/stable_diffusion_2_1.png\n");

        var problem = problems.Single(ProblemCodes.EmptyPrompt);
        Assert.Equal("matchups.csv row 3, column prompt: the prompt is empty", problem.Message);
    }

    [Fact]
    public void Validate_EmptyImage_ReportsColumn()
    {
        var (_, problems) = CsvCheck.Run(Header + "a fox,,stable_diffusion/stable_diffusion_1_1.png\n");

        Assert.Equal("matchups.csv row 2, column image1: no image given", problems.Single(ProblemCodes.EmptyImage).Message);
    }

    [Fact]
    public void Validate_UnknownImage_SaysWhereItLooked()
    {
        var (_, problems) = CsvCheck.Run(Header + "a fox,flux/flux_1_0.png,stable_diffusion/missing.png\n");

        var problem = problems.Single(ProblemCodes.ImageNotFound);
        Assert.Equal((2, "image2"), (problem.Row, problem.Column));
        Assert.Equal("matchups.csv row 2, column image2: image \"stable_diffusion/missing.png\" not found in the dataset folder", problem.Message);
    }

    [Fact]
    public void Validate_ImagesFolderPrefix_ResolvesReferenceAgainstImagesFolder()
    {
        var (scan, problems) = CsvCheck.Run(Header + "a fox,flux/a.png,sd/b.png\n", images: [("images/flux/a.png", 10), ("images/sd/b.png", 10)]);

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal("images/flux/a.png", scan.Matchups[0].Image1.Path);
        Assert.Equal("flux", scan.Matchups[0].Model1);
    }

    [Fact]
    public void Validate_SameImageBothSides_IsAnError()
    {
        var (_, problems) = CsvCheck.Run(Header + "a fox,flux/flux_1_0.png,./flux/flux_1_0.png\n");

        Assert.Contains("row 2, column image2: the same image as image1", problems.Single(ProblemCodes.SameImage).Message);
    }

    [Theory]
    [InlineData("../other/flux_1_0.png", "contains \"..\"")]
    [InlineData("flux/../../secret.png", "contains \"..\"")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData(@"C:\images\a.png", "absolute path")]
    public void Validate_PathLeavingFolder_IsUnsafe(string reference, string reason)
    {
        var (_, problems) = CsvCheck.Run(Header + $"a fox,\"{reference}\",stable_diffusion/stable_diffusion_1_1.png\n");

        var problem = problems.Single(ProblemCodes.UnsafePath);
        Assert.Equal((2, "image1"), (problem.Row, problem.Column));
        Assert.Contains(reason, problem.Message);
    }

    [Fact]
    public void Validate_UrlWhenDisabled_IsAnErrorNamingTheSetting()
    {
        var (_, problems) = CsvCheck.Run(Header + "a fox,https://example.org/flux/a.png,stable_diffusion/stable_diffusion_1_1.png\n");

        Assert.Contains("URL inputs are disabled (Preference__Datasets__AllowUrlInputs)", problems.Single(ProblemCodes.UrlNotAllowed).Message);
    }

    [Fact]
    public void Validate_UrlWhenAllowed_KeepsItWithModelFromUrlPath()
    {
        var (scan, problems) = CsvCheck.Run(Header + "a fox,https://example.org/flux/a.png,stable_diffusion/stable_diffusion_1_1.png\n", new DatasetOptions { AllowUrlInputs = true });

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal("flux", scan.Matchups[0].Model1);
    }

    [Fact]
    public void Validate_DuplicateInEitherOrder_WarnsAndKeepsFirst()
    {
        var (scan, problems) = CsvCheck.Run(Header +
            "a fox,flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png\n" +
            "a fox,stable_diffusion/stable_diffusion_1_1.png,flux/flux_1_0.png\n" +
            "a cat,flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png\n");

        Assert.Equal(2, scan.Matchups.Count);
        Assert.Equal(1, scan.DuplicatesRemoved);
        var problem = problems.Single(ProblemCodes.DuplicateMatchup);
        Assert.Equal((ProblemSeverity.Warning, 3), (problem.Severity, problem.Row));
        Assert.Contains("same prompt and images as row 2", problem.Message);
    }

    [Fact]
    public void Validate_PromptOver400Characters_WarnsThatItWillBeShortenedAndKeepsRow()
    {
        var (scan, problems) = CsvCheck.Run(Header + $"{new string('x', 401)},flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png\n");

        Assert.Single(scan.Matchups);
        var problem = problems.Single(ProblemCodes.LongPrompt);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.StartsWith("matchups.csv row 2, column prompt: 401 characters, over Rapidata's limit of 400; it will be shortened", problem.Message);
    }

    [Fact]
    public void Validate_ImageOverSizeLimit_IsAnError()
    {
        var (_, problems) = CsvCheck.Run(Header + "a fox,flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png\n",
            new DatasetOptions { MaxImageBytes = 50 }, [("flux/flux_1_0.png", 51), ("stable_diffusion/stable_diffusion_1_1.png", 50)]);

        var problem = problems.Single(ProblemCodes.ImageTooLarge);
        Assert.Equal((2, "image1"), (problem.Row, problem.Column));
        Assert.Contains("51 bytes, over the limit of 50", problem.Message);
    }

    [Fact]
    public void Validate_MoreRowsThanLimit_StopsReadingAndReportsLimit()
    {
        var row = "a fox,flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png\n";
        var rows = row + row.Replace("fox", "cat") + row.Replace("fox", "dog") + row.Replace("fox", "owl") + row.Replace("fox", "elk");
        var (scan, problems) = CsvCheck.Run(Header + rows, new DatasetOptions { MaxRows = 2 });

        Assert.Equal(3, scan.DataRows); // reading stops one row past the limit
        Assert.Contains("more than 2 rows", problems.Single(ProblemCodes.TooManyRows).Message);
    }

    [Fact]
    public void Validate_WrongFieldCount_NamesRow()
    {
        var (_, problems) = CsvCheck.Run(Header + "a fox,flux/flux_1_0.png\n");

        Assert.Equal("matchups.csv row 2: 2 fields, the header has 3 (check quotes and separators)", problems.Single(ProblemCodes.FieldCount).Message);
    }

    [Fact]
    public void Validate_EmptyFileAndHeaderOnly_AreErrors()
    {
        Assert.Equal(1, CsvCheck.Run("").Problems.Single(ProblemCodes.EmptyFile).Row);
        Assert.Contains("no data rows", CsvCheck.Run(Header).Problems.Single(ProblemCodes.NoMatchups).Message);
    }

    [Fact]
    public void Validate_DuplicateAndBadIds_AreErrorsNamingTheIdColumn()
    {
        var (_, problems) = CsvCheck.Run("id,prompt,image1,image2\n" +
            "m1,a fox,flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png\n" +
            "m1,a cat,flux/flux_2_0.png,stable_diffusion/stable_diffusion_2_1.png\n" +
            "a/b,a dog,flux/flux_2_0.png,stable_diffusion/stable_diffusion_1_1.png\n");

        Assert.Equal("matchups.csv row 3, column id: \"m1\" is already the id of row 2", problems.Single(ProblemCodes.DuplicateId).Message);
        Assert.Equal((4, "id"), (problems.Single(ProblemCodes.BadId).Row, problems.Single(ProblemCodes.BadId).Column));
    }

    [Fact]
    public void Validate_ExplicitModelColumns_WinOverPaths()
    {
        var (scan, problems) = CsvCheck.Run("prompt,image1,image2,model1,model2\na fox,flux/flux_1_0.png,stable_diffusion/stable_diffusion_1_1.png,FLUX.1 pro,SD3 medium\n");

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal(("FLUX.1 pro", "SD3 medium"), (scan.Matchups[0].Model1, scan.Matchups[0].Model2));
    }

    [Fact]
    public void Validate_SameModelBothSides_Warns()
    {
        var (_, problems) = CsvCheck.Run(Header + "a fox,flux/flux_1_0.png,flux/flux_2_0.png\n");

        Assert.Equal(ProblemSeverity.Warning, problems.Single(ProblemCodes.SameModel).Severity);
    }

    [Fact]
    public void Validate_ManyProblems_ListsUpToCapAndCountsAll()
    {
        var rows = string.Concat(Enumerable.Range(0, 30).Select(i => $"p{i},flux/missing_{i}.png,stable_diffusion/stable_diffusion_1_1.png\n"));
        var (_, problems) = CsvCheck.Run(Header + rows, new DatasetOptions { MaxProblems = 10 });

        Assert.Equal(30, problems.ErrorCount);
        Assert.Equal(10, problems.Listed.Count);
        Assert.Equal(20, problems.NotListed);
    }
}

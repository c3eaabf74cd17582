using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class CsvFormatTests
{
    private const string A = "flux/flux_1_0.png";
    private const string B = "stable_diffusion/stable_diffusion_1_1.png";

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData(',')]
    public void Validate_Separator_IsDetectedFromHeader(char separator)
    {
        var (scan, problems) = CsvCheck.Run($"prompt{separator}image1{separator}image2\na fox{separator}{A}{separator}{B}\n");

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal("a fox", scan.Matchups.Single().Prompt);
    }

    [Fact]
    public void Validate_BomAndCrlf_AreHandled()
    {
        var bytes = new System.Text.UTF8Encoding(true).GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes($"prompt,image1,image2\r\na fox,{A},{B}\r\n")).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
        var index = new PreferenceFunctions.Pipeline.Steps.Stage.Images.ImageIndex().AddScope("test",
            [new(A, PreferenceFunctions.Pipeline.Steps.Stage.Images.ImageSource.Blob, 1, A), new(B, PreferenceFunctions.Pipeline.Steps.Stage.Images.ImageSource.Blob, 1, B)], [""]);
        var problems = new ProblemList(10);

        var scan = new MatchupCsvValidator(index, new(), problems).Validate(reader);

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal(B, scan.Matchups.Single().Image2.Path);
    }

    [Fact]
    public void Validate_QuotedSeparatorsQuotesAndNewlines_AreUnescapedAndLaterRowsReportTheirLine()
    {
        var csv = $"prompt,image1,image2\n\"a fox, \"\"red\"\"\nin snow\",{A},{B}\nx,{A},missing.png\n";

        var (scan, problems) = CsvCheck.Run(csv);

        Assert.Equal("a fox, \"red\"\nin snow", scan.Matchups.Single().Prompt);
        var problem = problems.Single(ProblemCodes.ImageNotFound);
        Assert.Equal((3, 4), (problem.Row, problem.Line));
        Assert.StartsWith("matchups.csv row 3 (line 4), column image2:", problem.Message);
    }
}

using PreferenceFunctions.Local.Commands;

namespace PreferenceFunctions.Local.Tests.Commands;

public sealed class ResultsCommandTests
{
    [Fact]
    public void Readable_OneLineJson_IndentedWithFinalNewline()
    {
        var text = ResultsCommand.Readable("""{"runId":"r1","models":[{"model":"flux","prompt":"a cat's <hat>"}]}""", "json");

        Assert.EndsWith("}" + Environment.NewLine, text);
        Assert.Contains("\n  \"runId\": \"r1\",", text);
        Assert.Contains("a cat's <hat>", text);
    }

    [Fact]
    public void Readable_CsvWithoutFinalNewline_GetsOne()
    {
        Assert.Equal("a,b\n1,2" + Environment.NewLine, ResultsCommand.Readable("a,b\n1,2", "csv"));
        Assert.Equal("a,b\n", ResultsCommand.Readable("a,b\n", "csv"));
    }
}

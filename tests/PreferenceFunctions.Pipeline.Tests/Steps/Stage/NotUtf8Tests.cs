using System.IO.Compression;
using System.Text;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>matchups.csv is read as strict UTF-8: invalid bytes are a <c>not-utf8</c> error saying where, never U+FFFD in a prompt.</summary>
public sealed class NotUtf8Tests
{
    private const string Header = "prompt,image1,image2\n";
    private const string A = "flux/flux_1_0.png";
    private const string B = "stable_diffusion/stable_diffusion_1_1.png";
    private const string C = "flux/flux_2_0.png";
    private const string D = "stable_diffusion/stable_diffusion_2_1.png";
    private const string SaveAsUtf8 = "save the file as UTF-8 (in Excel: Save As \"CSV UTF-8\") and check the text there";
    /// <summary>"é" as Windows-1252 and Latin-1 write it: the usual way a CSV is not UTF-8.</summary>
    private static readonly byte[] Latin1E = [0xE9];

    private static byte[] Csv(string before, byte[] invalid, string after = "") => [.. Encoding.UTF8.GetBytes(before), .. invalid, .. Encoding.UTF8.GetBytes(after)];

    private static DatasetProblem OnlyError(byte[] csv)
    {
        var (_, problems) = CsvCheck.Run(csv);
        var problem = problems.Single(ProblemCodes.NotUtf8);
        Assert.Equal(1, problems.ErrorCount);
        return problem;
    }

    [Fact]
    public void Validate_Latin1ByteInFirstPrompt_NamesRowColumnLineAndByteOffset()
    {
        var problem = OnlyError(Csv(Header + "caf", Latin1E, $" au lait,{A},{B}\n"));

        Assert.Equal($"matchups.csv row 2, column prompt: not valid UTF-8 at line 2, byte offset 24 (bytes E9); {SaveAsUtf8}", problem.Message);
        Assert.Equal((ProblemSeverity.Error, "matchups.csv", 2, 2, "prompt"), (problem.Severity, problem.File, problem.Row, problem.Line, problem.Column));
    }

    [Fact]
    public void Validate_InvalidByteOnLine1_IsTheHeaderRowWithoutColumn()
    {
        var problem = OnlyError(Csv("prompt,im", Latin1E, $"age1,image2\na fox,{A},{B}\n"));

        Assert.StartsWith("matchups.csv row 1: not valid UTF-8 at line 1, byte offset 9 (bytes E9)", problem.Message);
        Assert.Equal((1, 1, null), (problem.Row, problem.Line, problem.Column));
    }

    [Fact]
    public void Validate_InvalidByteAtRow5000OfLargeFile_IsFoundPastTheFirstBuffersAndEarlierRowsAreStillChecked()
    {
        // ~1.6 MB: past StreamReader's and Sep's first buffers, the pass's first batches and InvalidText's first 1 MiB block;
        // the multi-byte characters of every prompt fall across those boundaries somewhere.
        var before = Header + $"日本 row 2,{A},missing.png\n"
            + string.Concat(Enumerable.Range(3, 4997).Select(row => $"日本の狐 {row} {new string('x', 300)},{A},{B}\n")) + "a fox in the caf";

        var (_, problems) = CsvCheck.Run(Csv(before, Latin1E, $",{A},{B}\n" + string.Concat(Enumerable.Range(5001, 100).Select(r => $"fox {r},{C},{D}\n"))));

        var problem = problems.Single(ProblemCodes.NotUtf8);
        var offset = Encoding.UTF8.GetByteCount(before);
        Assert.True(offset > 1 << 20);
        Assert.StartsWith($"matchups.csv row 5000, column prompt: not valid UTF-8 at line 5000, byte offset {offset:N0} (bytes E9)", problem.Message);
        Assert.Equal((5000, 5000), (problem.Row, problem.Line));
        Assert.Equal(2, problems.Single(ProblemCodes.ImageNotFound).Row);
        Assert.Equal(2, problems.ErrorCount);
    }

    [Fact]
    public void Validate_InvalidByteInQuotedMultiLineField_NamesTheRowWhereItStartsAndTheLineOfTheByte()
    {
        var before = Header + $"\"a fox\nin snow\",{A},{B}\n\"a cat\non a caf";

        var problem = OnlyError(Csv(before, Latin1E, $" table\",{C},{D}\n"));

        Assert.StartsWith($"matchups.csv row 3 (line 4), column prompt: not valid UTF-8 at line 5, byte offset {Encoding.UTF8.GetByteCount(before)} (bytes E9)", problem.Message);
        Assert.Equal((3, 4, "prompt"), (problem.Row, problem.Line, problem.Column));
    }

    [Fact]
    public void Validate_TruncatedSequenceAtEndOfFile_ShowsItsBytes()
    {
        var before = Header + $"a fox,{A},{B}\na cat,{C},stable_diffusion/";
        byte[] truncated = [.. Encoding.UTF8.GetBytes("日")[..2]];

        var problem = OnlyError(Csv(before, truncated));

        Assert.StartsWith($"matchups.csv row 3, column image2: not valid UTF-8 at line 3, byte offset {Encoding.UTF8.GetByteCount(before)} (bytes E6 97)", problem.Message);
    }

    [Fact]
    public void Validate_OverlongEncodingOfSlash_IsInvalid()
    {
        var before = Header + $"a fox,{A},{B}\na cat,flux";

        var problem = OnlyError(Csv(before, [0xC0, 0xAF], $"flux_2_0.png,{D}\n"));

        Assert.StartsWith($"matchups.csv row 3, column image1: not valid UTF-8 at line 3, byte offset {Encoding.UTF8.GetByteCount(before)} (bytes C0)", problem.Message);
    }

    [Fact]
    public void Validate_LoneContinuationByteInMetadataColumn_NamesThatColumn()
    {
        var before = $"prompt,image1,image2,note\na fox,{A},{B},ok\na cat,{C},{D},x";

        var problem = OnlyError(Csv(before, [0x80], "y\n"));

        Assert.StartsWith($"matchups.csv row 3, column note: not valid UTF-8 at line 3, byte offset {Encoding.UTF8.GetByteCount(before)} (bytes 80)", problem.Message);
    }

    [Fact]
    public void Validate_SemicolonsAndCrlf_CountColumnsAndLinesAsTheReaderDoes()
    {
        var before = $"prompt;image1;image2\r\na fox;{A};{B}\r\n\r\n\"a;cat\r\nsits\";fl";

        var problem = OnlyError(Csv(before, Latin1E, $"ux;{D}\r\n"));

        Assert.StartsWith($"matchups.csv row 4, column image1: not valid UTF-8 at line 5, byte offset {Encoding.UTF8.GetByteCount(before)} (bytes E9)", problem.Message);
        Assert.Equal((4, 4), (problem.Row, problem.Line));
    }

    [Fact]
    public void Validate_Utf8BomThenInvalidByte_CountsTheBomInTheOffsetAndNamesTheFirstColumn()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];

        var problem = OnlyError([.. bom, .. Csv(Header + "caf", Latin1E, $",{A},{B}\n")]);

        Assert.StartsWith("matchups.csv row 2, column prompt: not valid UTF-8 at line 2, byte offset 27 (bytes E9)", problem.Message);
    }

    [Fact]
    public void Validate_StreamThatCannotBeReadAgain_StillRejectsWithoutAPlace()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionMode.Compress, leaveOpen: true)) gzip.Write(Csv(Header + "caf", Latin1E, $",{A},{B}\n"));
        compressed.Position = 0;
        using var csv = new MatchupCsvReader(new GZipStream(compressed, CompressionMode.Decompress));
        var problems = new ProblemList(10);

        new MatchupCsvValidator(new PreferenceFunctions.Pipeline.Steps.Stage.Images.ImageIndex(), new(), problems).Validate(csv);

        Assert.Equal($"matchups.csv is not valid UTF-8; {SaveAsUtf8}", problems.Single(ProblemCodes.NotUtf8).Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_NonAsciiUtf8WithOrWithoutBom_IsAcceptedAsWritten(bool bom)
    {
        var text = Header + $"café au lait,{A},{B}\n日本の狐,{C},{D}\na fox 🦊,{A},{D}\n";
        byte[] bytes = [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

        var (scan, problems) = CsvCheck.Run(bytes);

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal(["café au lait", "日本の狐", "a fox 🦊"], scan.Matchups.Select(m => m.Prompt));
    }

    [Fact]
    public void Validate_Utf16WithBom_IsStillReadAsUtf16()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + $"café,{A},{B}\n")];

        var (scan, problems) = CsvCheck.Run(bytes);

        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal("café", scan.Matchups.Single().Prompt);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    public void Find_SequenceAcrossTheBlockBoundary_IsCarriedIntoTheNextBlock(int bytesBeforeBoundary)
    {
        // "日" (3 bytes) starts bytesBeforeBoundary bytes before the 1 MiB block's end; the invalid byte follows it.
        var before = Header + new string('a', (1 << 20) - Header.Length - bytesBeforeBoundary) + "日";

        var found = InvalidText.Find(new MemoryStream(Csv(before, Latin1E, $",{A},{B}\n")));

        Assert.Equal(new InvalidText("UTF-8", Encoding.UTF8.GetByteCount(before), "E9", 2, 2, 2, "prompt"), found);
    }

    [Fact]
    public void Find_ValidUtf8_FindsNothing()
    {
        Assert.Null(InvalidText.Find(new MemoryStream(Encoding.UTF8.GetBytes(Header + $"日本 🦊,{A},{B}\n"))));
    }
}

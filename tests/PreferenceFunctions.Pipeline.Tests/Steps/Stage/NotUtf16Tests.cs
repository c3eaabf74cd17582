using System.IO.Compression;
using System.Text;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>
/// matchups.csv that starts with a UTF-16 or UTF-32 BOM is read in that encoding, as strictly as UTF-8: an unpaired
/// surrogate or a cut code unit is a <c>not-utf8</c> error saying where, never U+FFFD in a prompt.
/// </summary>
public sealed class NotUtf16Tests
{
    private const string Header = "prompt,image1,image2\n";
    private const string A = "flux/flux_1_0.png";
    private const string B = "stable_diffusion/stable_diffusion_1_1.png";
    private const string C = "flux/flux_2_0.png";
    private const string D = "stable_diffusion/stable_diffusion_2_1.png";
    private const string SaveAsUtf8 = "save the file as UTF-8 (in Excel: Save As \"CSV UTF-8\") and check the text there";

    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
    private static readonly Encoding Utf32Le = new UTF32Encoding(bigEndian: false, byteOrderMark: true);
    private static readonly Encoding Utf32Be = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    public static TheoryData<string> Encodings => ["utf-16LE", "utf-16BE", "utf-32LE", "utf-32BE"];

    private static Encoding Named(string name) => name switch
    {
        "utf-16LE" => Utf16Le,
        "utf-16BE" => Utf16Be,
        "utf-32LE" => Utf32Le,
        _ => Utf32Be,
    };

    /// <summary>The BOM, then <paramref name="text"/> in UTF-16 LE (its code units as C# holds them, unpaired surrogates kept), then <paramref name="tail"/>.</summary>
    private static byte[] Utf16LeUnits(string text, params byte[] tail) =>
        [0xFF, 0xFE, .. text.SelectMany(c => new[] { (byte)c, (byte)(c >> 8) }), .. tail];

    private static DatasetProblem OnlyError(byte[] csv)
    {
        var (_, problems) = CsvCheck.Run(csv);
        var problem = problems.Single(ProblemCodes.NotUtf8);
        Assert.Equal(1, problems.ErrorCount);
        return problem;
    }

    private static object Shape(MatchupRow m) => (m.Row, m.Line, m.Prompt, m.Image1.Path, m.Image2.Path, m.Model1, m.Model2, string.Join('|', m.Metadata ?? []));

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Validate_ValidTextWithBom_ParsesToTheSameRowsAsUtf8(string encoding)
    {
        // Past StreamReader's and Sep's first buffers, with pairs (🦊) and quoted newlines and separators across them.
        var text = "prompt;image1;image2;note\r\n" + string.Concat(Enumerable.Range(0, 3_000).Select(i =>
            $"\"café 🦊 {i}\n日本の狐; {new string('x', i % 50)}\";{(i % 2 == 0 ? A : C)};{(i % 2 == 0 ? B : D)};n{i}\r\n"));

        var (utf8, utf8Problems) = CsvCheck.Run(Encoding.UTF8.GetBytes(text));
        var (scan, problems) = CsvCheck.Run([.. Named(encoding).GetPreamble(), .. Named(encoding).GetBytes(text)]);

        Assert.Equal(0, utf8Problems.ErrorCount);
        Assert.Equal(0, problems.ErrorCount);
        Assert.Equal(3_000, scan.Matchups.Count);
        Assert.Equal(utf8.Matchups.Select(Shape), scan.Matchups.Select(Shape));
        Assert.Equal("café 🦊 0\n日本の狐;", scan.Matchups[0].Prompt); // trimmed, as in UTF-8
    }

    [Fact]
    public void Validate_UnpairedHighSurrogateInUtf16LePrompt_NamesRowColumnLineAndByteOffset()
    {
        var before = Header + $"a fox,{A},{B}\na cat ";

        var problem = OnlyError(Utf16LeUnits(before + "\uD83D on a mat," + $"{C},{D}\n"));

        Assert.Equal($"matchups.csv row 3, column prompt: not valid UTF-16 at line 3, byte offset {2 + 2 * before.Length} (bytes 3D D8); {SaveAsUtf8}", problem.Message);
        Assert.Equal((ProblemSeverity.Error, "matchups.csv", 3, 3, "prompt"), (problem.Severity, problem.File, problem.Row, problem.Line, problem.Column));
    }

    [Fact]
    public void Validate_UnpairedLowSurrogateInUtf16Be_NamesTheBytesAsInTheFile()
    {
        var before = Header + $"a fox,{A},{B}\n\"a cat\non a mat\",flux";
        byte[] bytes = [.. Utf16Be.GetPreamble(), .. Utf16Be.GetBytes(before), 0xDC, 0x00, .. Utf16Be.GetBytes($"/flux_2_0.png,{D}\n")];

        var problem = OnlyError(bytes);

        Assert.Equal($"matchups.csv row 3, column image1: not valid UTF-16 at line 4, byte offset {2 + 2 * before.Length} (bytes DC 00); {SaveAsUtf8}", problem.Message);
        Assert.Equal((3, 3, "image1"), (problem.Row, problem.Line, problem.Column));
    }

    [Fact]
    public void Validate_OddTrailingByteInUtf16Le_IsInvalidAtTheEnd()
    {
        var text = Header + $"a fox,{A},{B}\na cat,{C},{D}";

        var problem = OnlyError(Utf16LeUnits(text, 0x0A));

        Assert.Equal($"matchups.csv row 3, column image2: not valid UTF-16 at line 3, byte offset {2 + 2 * text.Length} (bytes 0A); {SaveAsUtf8}", problem.Message);
    }

    [Fact]
    public void Validate_HighSurrogateAtTheEndOfUtf16Le_IsInvalid()
    {
        var text = Header + $"a fox,{A},{B}\na cat,{C},{D}\n";

        var problem = OnlyError(Utf16LeUnits(text + "\uD83D"));

        Assert.StartsWith($"matchups.csv row 4, column prompt: not valid UTF-16 at line 4, byte offset {2 + 2 * text.Length} (bytes 3D D8)", problem.Message);
    }

    [Fact]
    public void Validate_SurrogateCodePointInUtf32Le_IsInvalid()
    {
        var before = Header + "a c";
        byte[] bytes = [.. Utf32Le.GetPreamble(), .. Utf32Le.GetBytes(before), 0x00, 0xD8, 0x00, 0x00, .. Utf32Le.GetBytes($"at,{A},{B}\n")];

        var problem = OnlyError(bytes);

        Assert.StartsWith($"matchups.csv row 2, column prompt: not valid UTF-32 at line 2, byte offset {4 + 4 * before.Length} (bytes 00 D8 00 00)", problem.Message);
    }

    [Fact]
    public void Validate_Utf16StreamThatCannotBeReadAgain_StillRejectsNamingUtf16()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionMode.Compress, leaveOpen: true)) gzip.Write(Utf16LeUnits(Header + $"a \uDC00 cat,{A},{B}\n"));
        compressed.Position = 0;
        using var csv = new MatchupCsvReader(new GZipStream(compressed, CompressionMode.Decompress));
        var problems = new ProblemList(10);

        new MatchupCsvValidator(new PreferenceFunctions.Pipeline.Steps.Stage.Images.ImageIndex(), new(), problems).Validate(csv);

        Assert.Equal($"matchups.csv is not valid UTF-16; {SaveAsUtf8}", problems.Single(ProblemCodes.NotUtf8).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Find_PairAcrossTheBlockBoundary_IsCarriedIntoTheNextBlock(int unitsBeforeBoundary)
    {
        // "🦊" (2 units) starts unitsBeforeBoundary units before the 1 MiB block's end (the BOM is the block's first unit);
        // an unpaired low surrogate follows it.
        var before = Header + new string('a', (1 << 19) - 1 - Header.Length - unitsBeforeBoundary) + "🦊";

        var found = InvalidText.Find(new MemoryStream(Utf16LeUnits(before + "\uDC00" + $",{A},{B}\n")));

        Assert.Equal(new InvalidText("UTF-16", 2 + 2 * before.Length, "00 DC", 2, 2, 2, "prompt"), found);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Find_ValidText_FindsNothing(string encoding)
    {
        var text = Header + $"日本 🦊,{A},{B}\n";

        Assert.Null(InvalidText.Find(new MemoryStream([.. Named(encoding).GetPreamble(), .. Named(encoding).GetBytes(text)])));
    }
}

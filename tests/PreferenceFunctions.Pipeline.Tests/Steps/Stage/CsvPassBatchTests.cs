using System.Globalization;
using System.Text;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>
/// The CSV pass on two threads (rows parsed in batches, rules applied in row order) must give exactly what one batch on
/// one thread gives, whichever batch a rule's first occurrence and its repeat fall in.
/// </summary>
public sealed class CsvPassBatchTests
{
    private const int Images = 40;
    private const int Rows = 600;

    [Theory]
    [InlineData(3, 1_000)] // ~200 batches: every rule crosses batches, at most two wait
    [InlineData(7, 1_000)]
    [InlineData(64, 25)] // the problem cap reached in the third batch
    [InlineData(3, 25)]
    public void Validate_ManyBatches_SameScanAndProblemsAsOneBatch(int batchRows, int maxProblems)
    {
        var options = new DatasetOptions { MaxModels = 8, MaxProblems = maxProblems, AllowUrlInputs = true };
        var csv = MixedCsv();

        var (oneBatch, oneBatchProblems) = Validate(csv, options, batchRows: Rows * 2);
        var (batched, batchedProblems) = Validate(csv, options, batchRows);

        Assert.Equal(oneBatchProblems.Listed, batchedProblems.Listed);
        Assert.Equal((oneBatchProblems.ErrorCount, oneBatchProblems.WarningCount), (batchedProblems.ErrorCount, batchedProblems.WarningCount));
        Assert.Equal((oneBatch.DataRows, oneBatch.DuplicatesRemoved), (batched.DataRows, batched.DuplicatesRemoved));
        Assert.Equal(oneBatch.Matchups.Select(Text), batched.Matchups.Select(Text));
        Assert.True(batchedProblems.ErrorCount + batchedProblems.WarningCount > batchedProblems.Listed.Count == maxProblems < 100);
    }

    [Fact]
    public void Validate_ReportOnlyOverManyBatches_SameTallyAsOneBatchKeepingRows()
    {
        var options = new DatasetOptions { MaxModels = 8, AllowUrlInputs = true };
        var csv = MixedCsv();
        var (kept, keptProblems) = Validate(csv, options, batchRows: Rows * 2);

        var problems = new ProblemList(options.MaxProblems);
        var tally = new MatchupTally();
        var scan = new MatchupCsvValidator(Index(), options, problems) { BatchRows = 5 }.Validate(new StringReader(csv), tally);

        Assert.Empty(scan.Matchups);
        Assert.Equal(keptProblems.Listed, problems.Listed);
        // The data exercises every order-dependent rule, each repeat in a later batch than its first row.
        Assert.Contains(problems.Listed, p => p is { Code: ProblemCodes.DuplicateMatchup, Row: 62 } && p.Message.Contains("as row 32 ", StringComparison.Ordinal));
        Assert.Contains(problems.Listed, p => p is { Code: ProblemCodes.DuplicateId, Row: 49 } && p.Message.EndsWith("is already the id of row 18", StringComparison.Ordinal));
        Assert.Contains(problems.Listed, p => p is { Code: ProblemCodes.DuplicateId, Row: 7 } && p.Message.Contains("derived from this row's content", StringComparison.Ordinal));
        Assert.Contains(problems.Listed, p => p is { Code: ProblemCodes.TooManyModels, Row: > 100 });
        var expected = MatchupTally.Of(kept.Matchups);
        Assert.Equal(expected.Count, tally.Count);
        Assert.Equal(expected.Images.Select(i => (i.Image.Path, i.Use)), tally.Images.Select(i => (i.Image.Path, i.Use)));
        Assert.Equal(expected.Totals().Models, tally.Totals().Models);
        Assert.Equal(expected.Totals().Pairs, tally.Totals().Pairs);
    }

    [Fact]
    public void Validate_BadRowInTheMiddleOfManyBatches_NamesItsRowAndKeepsTheOthers()
    {
        var csv = new StringBuilder("prompt,image1,image2\n");
        for (var i = 0; i < 1_000; i++) csv.Append(CultureInfo.InvariantCulture, $"prompt {i},{ImagePath(i % Images)},{(i == 500 ? "nope.png" : ImagePath((i + 3) % Images))}\n");

        var (scan, problems) = Validate(csv.ToString(), new DatasetOptions(), batchRows: 16);

        var problem = problems.Single(ProblemCodes.ImageNotFound);
        Assert.Equal((502, "image2"), (problem.Row, problem.Column));
        Assert.StartsWith("matchups.csv row 502, column image2: image \"nope.png\" not found", problem.Message, StringComparison.Ordinal);
        Assert.Equal((1_000, 999), (scan.DataRows, scan.Matchups.Count));
    }

    private static (CsvScan Scan, ProblemList Problems) Validate(string csv, DatasetOptions options, int batchRows)
    {
        var problems = new ProblemList(options.MaxProblems);
        var scan = new MatchupCsvValidator(Index(), options, problems) { BatchRows = batchRows }.Validate(new StringReader(csv));
        return (scan, problems);
    }

    /// <summary>A row as text: the runs' image entries are different objects (each run has its own URL images).</summary>
    private static string Text(MatchupRow m) => $"{m.Row} {m.Line} {m.Id} {m.Prompt} {m.Image1.Path} {m.Image2.Path} {m.Model1} {m.Model2}";

    private static ImageIndex Index() => new ImageIndex().AddLoose(
        Enumerable.Range(0, Images).Select(i => new ImageEntry(ImagePath(i), ImageSource.Blob, 100, "set/" + ImagePath(i))), "the dataset folder");

    private static string ImagePath(int image) => $"m{image % 5}/img{image}.png";

    /// <summary>
    /// Rows whose rules depend on earlier rows, each repeat 30 rows after its first: duplicate matchups, duplicate explicit
    /// ids, an explicit id of the derived form that a later row derives, models crossing MaxModels, URL images; and cell errors.
    /// </summary>
    private static string MixedCsv()
    {
        var rows = new List<string[]>();
        for (var i = 0; i < Rows; i++)
        {
            var (image1, image2) = (ImagePath(i % Images), ImagePath((i * 7 + 3) % Images));
            if (image1 == image2) image2 = ImagePath((i + 1) % Images);
            string[] row = [$"prompt {i}", image1, image2, "", "", i % 4 == 0 ? $"id-{i}" : ""];
            if (i is >= 40 and < 400 && i % 10 == 0) row = [.. rows[i - 30]]; // a duplicate matchup (and of its id, if it has one)
            if (i >= 30 && i % 30 == 17) row[5] = $"id-{(i - 30) / 4 * 4}"; // an id a row ~30 rows earlier has
            if (i % 50 == 11) (row[1], row[2]) = (row[2], row[1]); // the same pair swapped stays a duplicate if it is one
            if (i > 100 && i % 45 == 0) row[3] = $"late model {i}"; // new models: MaxModels (8) is crossed mid-file
            if (i % 97 == 5) row[2] = "https://example.org/url_model/pic.png";
            if (i % 83 == 13) row[2] = "nope.png";
            if (i % 71 == 20) row[0] = " ";
            rows.Add(row);
        }
        // Row 7's content derives the id that row 26 (i = 24, earlier) sets explicitly: reported at row 7 after the pass.
        var derived = rows[5];
        rows[24][5] = MatchupIds.Derive(derived[0], derived[1], derived[2]);
        var csv = new StringBuilder("prompt,image1,image2,model1,model2,id\n");
        foreach (var row in rows) csv.Append(string.Join(',', row)).Append('\n');
        csv.Append("a short row,m1/img1.png\n"); // a field-count error in the last batch
        return csv.ToString();
    }
}

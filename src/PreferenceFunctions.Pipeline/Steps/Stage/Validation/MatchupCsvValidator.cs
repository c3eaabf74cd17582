using System.Runtime.CompilerServices;
using System.Text;
using nietras.SeparatedValues;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// One streaming pass over matchups.csv (Sep: separator detected from the header, quotes unescaped, BOM and CRLF
/// handled): every row checked against the image index, problems named by row and column, duplicates dropped.
/// Pure: no I/O besides the reader, so the <c>validate</c> command and the stager share it.
/// The pass runs on two threads: this one reads and parses the rows and checks their cells (<see cref="MatchupRowParser"/>),
/// a second applies the rules that depend on earlier rows' outcome and reports every problem in row order
/// (<see cref="MatchupRowRules"/>), batch by batch; a CSV of one batch stays on this thread.
/// Text that is not valid UTF-8 (or UTF-16 or UTF-32 after their BOM; <see cref="MatchupCsvReader"/> throws on invalid bytes) ends the pass with a <c>not-utf8</c> error.
/// </summary>
public sealed class MatchupCsvValidator(ImageIndex index, DatasetOptions options, ProblemList problems,
    LongPromptPolicy longPrompts = LongPromptPolicy.Shorten)
{
    /// <summary>Rapidata's limit for a datapoint's context: the backend rejects a longer one.</summary>
    public const int LongPromptLength = 400;
    private const string File = MatchupColumns.FileName;
    /// <summary>The rows whose average length, with the file's size, estimates the row count.</summary>
    private const int RowsSampled = 1_000;
    private const string SaveAsUtf8 = "save the file as UTF-8 (in Excel: Save As \"CSV UTF-8\") and check the text there";

    /// <summary>How Sep reads matchups.csv (also how <see cref="InvalidText"/> reads its header).</summary>
    internal static readonly SepReaderOptions CsvOptions = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true });

    /// <summary>Rows per batch handed between the two threads (~0.5 MB of parsed rows; tests use a few to cross batches).</summary>
    internal int BatchRows { get; init; } = 2_048;

    /// <summary>Reads the CSV and keeps its valid matchups (<see cref="CsvScan.Matchups"/>), as staging needs them.</summary>
    public CsvScan Validate(TextReader csv) => Read(csv, tally: null);

    /// <summary>
    /// The same pass for a report only (<c>validate</c>): the same checks and problems, but valid rows go to
    /// <paramref name="tally"/> instead of being kept, so <see cref="CsvScan.Matchups"/> is empty; what stays per row is the
    /// duplicate and id checks' keys (~50 bytes).
    /// </summary>
    internal CsvScan Validate(TextReader csv, MatchupTally tally) => Read(csv, tally);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    private CsvScan Read(TextReader csv, MatchupTally? tally)
    {
        using var reader = OpenOrReportNotUtf8(csv);
        if (reader is null) return new CsvScan(0, [], 0, []);
        if (reader.Header.IsEmpty)
        {
            problems.Error(ProblemCodes.EmptyFile, File, $"{File} is empty; expected a header row: prompt,image1,image2", row: 1, line: 1);
            return new CsvScan(0, [], 0, []);
        }
        var columns = MatchupColumns.From(reader.Header.ColNames, problems);
        if (columns is null) return new CsvScan(0, [], 0, []);

        var parser = new MatchupRowParser(index, options, longPrompts, columns, keepRows: tally is null,
            deriveIds: tally is null || !DerivedIdsOnlyMeetDuplicates(columns));
        var rules = new MatchupRowRules(index.Count, problems, tally);
        using var handOff = new BatchHandOff<ParsedRowBatch>(() => new ParsedRowBatch(BatchRows), rules.Apply);
        var batch = handOff.Rent();
        var (csvBytes, sampledChars) = (CsvBytes(csv), 0L);
        var dataRows = 0;
        var notUtf8 = false;
        try
        {
            foreach (var row in reader)
            {
                if (row.ColCount == 1 && row[0].Span.IsWhiteSpace()) continue; // a blank line is not a row
                if (++dataRows > options.MaxRows) break; // one row past the limit is enough to say so; the rest is never read
                if (dataRows <= RowsSampled && csvBytes > 0)
                {
                    sampledChars += row.Span.Length + 1;
                    if (dataRows == RowsSampled) batch.ExpectedRows = (int)Math.Min(options.MaxRows, csvBytes * 9 / 8 * RowsSampled / sampledChars);
                }
                if (batch.IsFull)
                {
                    handOff.Hand(batch);
                    batch = handOff.Rent();
                    batch.Clear();
                }
                parser.Parse(row, new RowAt(row.RowIndex + 1, row.LineNumberFrom), batch);
            }
        }
        catch (DecoderFallbackException)
        {
            notUtf8 = true; // the rows read until then are still checked and reported, below
        }
        handOff.Finish(batch);
        if (notUtf8)
            ReportNotUtf8(csv);
        else if (dataRows > options.MaxRows)
            problems.Error(ProblemCodes.TooManyRows, File, $"{File}: more than {options.MaxRows:N0} rows, over the limit (Preference__Datasets__MaxRows); reading stopped at row {options.MaxRows + 2}");
        else if (dataRows == 0)
            problems.Error(ProblemCodes.NoMatchups, File, $"{File} has a header but no data rows", row: 2);
        rules.CheckDerivedIds(parser.Ids);
        return new CsvScan(dataRows, rules.Matchups, rules.Duplicates, columns.MetadataNames);
    }

    /// <summary>
    /// True when no derived id can equal another row's id unless the rows are duplicates: without an <c>id</c> column
    /// a derived id can only meet another derived id, and equal content ("prompt\nimage1\nimage2") is the same prompt
    /// and image pair, which the duplicate check already skips, as long as no two index images share a path (a path in
    /// images.zip and in the folder). The report-only pass then skips the SHA-256 per row; what it can miss is two
    /// different contents whose SHA-256 agree in their first 64 bits (~3 x 10^-8 for a million rows), which staging,
    /// still hashing every row, reports.
    /// </summary>
    private bool DerivedIdsOnlyMeetDuplicates(MatchupColumns columns) =>
        columns.Id < 0 && index.Entries.Select(e => e.Path).Distinct(StringComparer.Ordinal).Count() == index.Count;

    /// <summary>Sep's reader, which reads the header (and the first block of text) at once; null after reporting that the text is not UTF-8.</summary>
    private SepReader? OpenOrReportNotUtf8(TextReader csv)
    {
        try
        {
            return CsvOptions.From(csv);
        }
        catch (DecoderFallbackException)
        {
            ReportNotUtf8(csv);
            return null;
        }
    }

    /// <summary>
    /// Reports the first invalid bytes with their row, column, line and byte offset. The decoder's exception names only
    /// a block, so a file or blob is read again from its start (<see cref="InvalidText.Find"/>); a reader that cannot
    /// be read again gets the error without a place.
    /// </summary>
    private void ReportNotUtf8(TextReader csv)
    {
        InvalidText? at = null;
        if (csv is MatchupCsvReader { Bytes.CanSeek: true } strict)
        {
            strict.Bytes.Position = 0;
            at = InvalidText.Find(strict.Bytes);
        }
        if (at is null)
        {
            var encoding = (csv as MatchupCsvReader)?.TextEncoding.Name ?? CsvTextEncoding.Utf8.Name;
            problems.Error(ProblemCodes.NotUtf8, File, $"{File} is not valid {encoding}; {SaveAsUtf8}");
            return;
        }
        var column = at.Column is null ? "" : $", column {at.Column}";
        problems.Error(ProblemCodes.NotUtf8, File,
            $"{File} row {new RowAt(at.Row, at.RowLine)}{column}: not valid {at.EncodingName} at line {at.Line}, byte offset {at.Offset:N0} (bytes {at.Bytes}); {SaveAsUtf8}",
            at.Row, at.RowLine, at.Column);
    }

    /// <summary>The size of a CSV read from a file or blob (the de-duplication table is sized from it), else 0.</summary>
    private static long CsvBytes(TextReader csv) => csv switch
    {
        MatchupCsvReader { Bytes.CanSeek: true } strict => strict.Bytes.Length, // its BaseStream replays the start, unseekable
        StreamReader { BaseStream.CanSeek: true } file => file.BaseStream.Length,
        _ => 0,
    };
}

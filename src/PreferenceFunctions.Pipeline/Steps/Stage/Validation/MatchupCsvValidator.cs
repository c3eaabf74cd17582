using System.Globalization;
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
/// </summary>
public sealed class MatchupCsvValidator(ImageIndex index, DatasetOptions options, ProblemList problems,
    LongPromptPolicy longPrompts = LongPromptPolicy.Shorten)
{
    /// <summary>Rapidata's limit for a datapoint's context: the backend rejects a longer one.</summary>
    public const int LongPromptLength = 400;
    private const string File = MatchupColumns.FileName;
    /// <summary>The rows whose average length, with the file's size, estimates the row count.</summary>
    private const int RowsSampled = 1_000;
    private readonly ModelResolver _models = new();
    private readonly Dictionary<string, ImageSlot> _urls = new(StringComparer.Ordinal);
    private bool _tooManyModelsReported;

    /// <summary>Reads the CSV and keeps its valid matchups (<see cref="CsvScan.Matchups"/>), as staging needs them.</summary>
    public CsvScan Validate(TextReader csv) => Read(csv, tally: null);

    /// <summary>
    /// The same pass for a report only (<c>validate</c>): the same checks and problems, but valid rows go to
    /// <paramref name="tally"/> instead of being kept, so <see cref="CsvScan.Matchups"/> is empty; what stays per row is the
    /// duplicate and id checks' keys (~50 bytes).
    /// </summary>
    internal CsvScan Validate(TextReader csv, MatchupTally tally) => Read(csv, tally);

    private CsvScan Read(TextReader csv, MatchupTally? tally)
    {
        using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).From(csv);
        if (reader.Header.IsEmpty)
        {
            problems.Error(ProblemCodes.EmptyFile, File, $"{File} is empty; expected a header row: prompt,image1,image2", row: 1, line: 1);
            return new CsvScan(0, [], 0, []);
        }
        var columns = MatchupColumns.From(reader.Header.ColNames, problems);
        if (columns is null) return new CsvScan(0, [], 0, []);

        var matchups = new MatchupRowList();
        var seen = new MatchupDeduplicator(index.Count);
        var ids = new RowIds();
        var hashDerivedIds = tally is null || !DerivedIdsOnlyMeetDuplicates(columns);
        using var derivedIds = new DerivedIdHasher();
        var derivedRows = new List<RowAt>();
        var (csvBytes, sampledChars) = (CsvBytes(csv), 0L);
        int dataRows = 0, duplicates = 0;
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace()) continue; // a blank line is not a row
            if (++dataRows > options.MaxRows) break; // one row past the limit is enough to say so; the rest is never read
            if (dataRows <= RowsSampled && csvBytes > 0)
            {
                sampledChars += row.Span.Length + 1;
                if (dataRows == RowsSampled) seen.ExpectRows((int)Math.Min(options.MaxRows, csvBytes * 9 / 8 * RowsSampled / sampledChars));
            }
            var at = new RowAt(row.RowIndex + 1, row.LineNumberFrom);
            if (row.ColCount != columns.Names.Length)
            {
                problems.Error(ProblemCodes.FieldCount, File, $"{File} row {at}: {row.ColCount} fields, the header has {columns.Names.Length} (check quotes and separators)", at.Row, at.Line);
                continue;
            }
            if (!ReadRow(row, columns, at, ids, out var prompt, out var id, out var matchup)) continue;
            if (!seen.TryAdd(prompt, matchup.Image1.Id, matchup.Image2.Id, at.Row, out var firstRow))
            {
                duplicates++;
                problems.Warning(ProblemCodes.DuplicateMatchup, File, $"{File} row {at}: same prompt and images as row {firstRow} (in either order); this row is skipped", at.Row, at.Line);
                continue;
            }
            var (image1, image2) = (matchup.Image1.Entry, matchup.Image2.Entry);
            if (id.IsEmpty && hashDerivedIds)
            {
                derivedIds.Add(prompt, image1.Path, image2.Path);
                derivedRows.Add(at);
            }
            if (tally is not null)
            {
                tally.Add(at.Row, at.Line, image1, matchup.Model1, image2, matchup.Model2);
                continue;
            }
            string[]? metadata = null;
            if (columns.MetadataIndexes.Length > 0)
            {
                metadata = new string[columns.MetadataIndexes.Length];
                for (var i = 0; i < metadata.Length; i++) metadata[i] = row[columns.MetadataIndexes[i]].ToString();
            }
            matchups.Add(new MatchupRow(Row: at.Row, Line: at.Line, Id: id.IsEmpty ? null : id.ToString(), Prompt: prompt.ToString(),
                Image1: image1, Image2: image2, Model1: matchup.Model1, Model2: matchup.Model2, Metadata: metadata));
        }
        if (dataRows > options.MaxRows)
            problems.Error(ProblemCodes.TooManyRows, File, $"{File}: more than {options.MaxRows:N0} rows, over the limit (Preference__Datasets__MaxRows); reading stopped at row {options.MaxRows + 2}");
        else if (dataRows == 0)
            problems.Error(ProblemCodes.NoMatchups, File, $"{File} has a header but no data rows", row: 2);
        CheckDerivedIds(derivedIds.Complete(), derivedRows, ids);
        return new CsvScan(dataRows, matchups, duplicates, columns.MetadataNames);
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

    /// <summary>The size of a CSV read from a file (the de-duplication table is sized from it), else 0.</summary>
    private static long CsvBytes(TextReader csv) => csv is StreamReader { BaseStream.CanSeek: true } file ? file.BaseStream.Length : 0;

    /// <summary>Ids become table row keys: a derived id (<c>m-</c> + hex) must not equal any other row's id, explicit or derived.</summary>
    private void CheckDerivedIds(ulong[] hashes, List<RowAt> rows, RowIds ids)
    {
        ids.ExpectDerived(hashes.Length);
        for (var i = 0; i < hashes.Length; i++)
        {
            var (hash, at) = (hashes[i], rows[i]);
            if (ids.TryAddDerived(hash, at.Row, out var firstRow)) continue;
            problems.Error(ProblemCodes.DuplicateId, File,
                $"{File} row {at}, column id: the id derived from this row's content, \"{MatchupIds.Format(hash)}\", is already the id of row {firstRow}; give one of them an explicit id",
                at.Row, at.Line, "id");
        }
    }

    /// <summary>Checks every cell of a row; false after reporting what is wrong. The prompt and id come back trimmed.</summary>
    private bool ReadRow(SepReader.Row row, MatchupColumns columns, RowAt at, RowIds ids, out ReadOnlySpan<char> prompt, out ReadOnlySpan<char> id,
        out ValidCells matchup)
    {
        matchup = default;
        id = default;
        var ok = true;
        var promptSpan = prompt = row[columns.Prompt].Span.Trim();
        if (promptSpan.IsEmpty)
        {
            problems.Error(ProblemCodes.EmptyPrompt, File, $"{File} row {at}, column prompt: the prompt is empty", at.Row, at.Line, "prompt");
            ok = false;
        }
        else if (promptSpan.Length > options.MaxPromptChars)
        {
            problems.Error(ProblemCodes.PromptTooLong, File, $"{File} row {at}, column prompt: {promptSpan.Length:N0} characters, over the limit of {options.MaxPromptChars:N0} (Preference__Datasets__MaxPromptChars)", at.Row, at.Line, "prompt");
            ok = false;
        }
        else if (promptSpan.Length > LongPromptLength && longPrompts == LongPromptPolicy.Reject)
        {
            problems.Error(ProblemCodes.LongPrompt, File, $"{File} row {at}, column prompt: {promptSpan.Length} characters, over Rapidata's limit of {LongPromptLength} for a datapoint's context; shorten it (Preference__LongPrompts=Reject; with Shorten it would be shortened through Rapidata before upload)", at.Row, at.Line, "prompt");
            ok = false;
        }
        else if (promptSpan.Length > LongPromptLength)
        {
            problems.Warning(ProblemCodes.LongPrompt, File, $"{File} row {at}, column prompt: {promptSpan.Length} characters, over Rapidata's limit of {LongPromptLength}; it will be shortened through Rapidata's shorten-context before upload (the original prompt stays in the results; Preference__LongPrompts=Reject rejects instead)", at.Row, at.Line, "prompt");
        }
        var reference1 = row[columns.Image1].Span.Trim();
        var reference2 = row[columns.Image2].Span.Trim();
        var image1 = Image(reference1, "image1", at);
        var image2 = Image(reference2, "image2", at);
        if (image1 is { } same && image1 == image2)
        {
            problems.Error(ProblemCodes.SameImage, File, $"{File} row {at}, column image2: the same image as image1 (\"{same.Entry.Path}\"); a matchup needs two different images", at.Row, at.Line, "image2");
            ok = false;
        }
        if (columns.Id >= 0 && row[columns.Id].Span.Trim() is { IsEmpty: false } idSpan)
        {
            id = idSpan;
            ok &= CheckId(idSpan, at, ids);
        }
        if (!ok || image1 is not { } slot1 || image2 is not { } slot2) return false;

        var model1 = _models.Resolve(columns.Model1 >= 0 ? row[columns.Model1].Span.Trim() : default, reference1, slot1.Id < 0);
        var model2 = _models.Resolve(columns.Model2 >= 0 ? row[columns.Model2].Span.Trim() : default, reference2, slot2.Id < 0);
        if (!CheckModel(model1, "model1", at) | !CheckModel(model2, "model2", at)) return false;
        if (model1 == model2)
            problems.Warning(ProblemCodes.SameModel, File, $"{File} row {at}, column model2: both images are from model \"{model1}\"; the matchup says nothing about which model is better", at.Row, at.Line, "model2");
        if (columns.MetadataIndexes.Length > 0 && MetadataBytes(row, columns) is var bytes && bytes > options.MaxMetadataBytesPerRow)
        {
            problems.Error(ProblemCodes.MetadataTooLarge, File, $"{File} row {at}: the private metadata columns hold {bytes:N0} bytes, over the limit of {options.MaxMetadataBytesPerRow:N0} per row (Preference__Datasets__MaxMetadataBytesPerRow)", at.Row, at.Line, columns.MetadataNames[0]);
            return false;
        }
        matchup = new ValidCells(slot1, slot2, model1, model2);
        return true;
    }

    /// <summary>The image a cell names, or null after reporting why not. URL images get negative ids.</summary>
    private ImageSlot? Image(ReadOnlySpan<char> reference, string column, RowAt at)
    {
        void Fail(string code, string message) => problems.Error(code, File, $"{File} row {at}, column {column}: {message}", at.Row, at.Line, column);
        switch (ImageReferences.Classify(reference, out var normalised, out var reason))
        {
            case ImageReferences.Kind.Empty:
                Fail(ProblemCodes.EmptyImage, "no image given");
                return null;
            case ImageReferences.Kind.Unsafe:
                Fail(ProblemCodes.UnsafePath, $"\"{reference}\" {reason}");
                return null;
            case ImageReferences.Kind.Url when !options.AllowUrlInputs:
                Fail(ProblemCodes.UrlNotAllowed, $"\"{reference}\" is a URL; URL inputs are disabled (Preference__Datasets__AllowUrlInputs)");
                return null;
            case ImageReferences.Kind.Url:
                var url = reference.ToString();
                return _urls.TryGetValue(url, out var known) ? known : _urls[url] = new ImageSlot(new ImageEntry(url, ImageSource.Url, null, url), -1 - _urls.Count, null);
        }
        if (!(normalised is null ? index.TryFind(reference, out var slot) : index.TryFind(normalised, out slot)))
        {
            Fail(ProblemCodes.ImageNotFound, $"image \"{reference}\" not found in {index.Description}");
            return null;
        }
        if (slot.SizeBytes > options.MaxImageBytes)
        {
            Fail(ProblemCodes.ImageTooLarge, $"\"{slot.Entry.Path}\" is {slot.SizeBytes:N0} bytes, over the limit of {options.MaxImageBytes:N0} (Preference__Datasets__MaxImageBytes)");
            return null;
        }
        return slot;
    }

    private bool CheckModel(string model, string column, RowAt at)
    {
        if (model.Length > options.MaxModelNameChars)
        {
            problems.Error(ProblemCodes.ModelNameTooLong, File, $"{File} row {at}, column {column}: the model name is {model.Length:N0} characters, over the limit of {options.MaxModelNameChars} (Preference__Datasets__MaxModelNameChars)", at.Row, at.Line, column);
            return false;
        }
        if (_models.Count <= options.MaxModels || _tooManyModelsReported) return true;
        _tooManyModelsReported = true;
        problems.Error(ProblemCodes.TooManyModels, File, $"{File} row {at}, column {column}: model \"{model}\" makes {_models.Count:N0} models, over the limit of {options.MaxModels:N0} (Preference__Datasets__MaxModels)", at.Row, at.Line, column);
        return false;
    }

    private static int MetadataBytes(SepReader.Row row, MatchupColumns columns)
    {
        var total = 0;
        for (var i = 0; i < columns.MetadataIndexes.Length; i++)
            total += Encoding.UTF8.GetByteCount(columns.MetadataNames[i]) + Encoding.UTF8.GetByteCount(row[columns.MetadataIndexes[i]].Span);
        return total;
    }

    private bool CheckId(ReadOnlySpan<char> id, RowAt at, RowIds ids)
    {
        if (id.Length > 200 || id.IndexOfAny("/\\#?") >= 0 || id.IndexOfAnyInRange('\u0000', '\u001f') >= 0 || id.IndexOfAnyInRange('\u007f', '\u009f') >= 0)
        {
            problems.Error(ProblemCodes.BadId, File, $"{File} row {at}, column id: \"{id}\" is not a usable id (at most 200 characters, none of / \\ # ? or control characters)", at.Row, at.Line, "id");
            return false;
        }
        if (ids.TryAddExplicit(id, at.Row, out var firstRow)) return true;
        problems.Error(ProblemCodes.DuplicateId, File, $"{File} row {at}, column id: \"{id}\" is already the id of row {firstRow}", at.Row, at.Line, "id");
        return false;
    }

    /// <summary>A valid row's images and models.</summary>
    private readonly record struct ValidCells(ImageSlot Image1, ImageSlot Image2, string Model1, string Model2);

    /// <summary>A row's position: "12", or "12 (line 14)" when quoted newlines shifted the lines.</summary>
    private readonly record struct RowAt(int Row, int Line)
    {
        public override string ToString() => Row == Line ? Row.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Row} (line {Line})");
    }
}

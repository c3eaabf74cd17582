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
    private readonly ModelResolver _models = new();
    private readonly Dictionary<string, ImageSlot> _urls = new(StringComparer.Ordinal);
    private bool _tooManyModelsReported;

    public CsvScan Validate(TextReader csv)
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
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int dataRows = 0, duplicates = 0;
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace()) continue; // a blank line is not a row
            if (++dataRows > options.MaxRows) break; // one row past the limit is enough to say so; the rest is never read
            var at = new RowAt(row.RowIndex + 1, row.LineNumberFrom);
            if (row.ColCount != columns.Names.Length)
            {
                problems.Error(ProblemCodes.FieldCount, File, $"{File} row {at}: {row.ColCount} fields, the header has {columns.Names.Length} (check quotes and separators)", at.Row, at.Line);
                continue;
            }
            if (ReadRow(row, columns, at, ids, out var image1Id, out var image2Id) is not { } matchup) continue;
            if (!seen.TryAdd(matchup.Prompt, image1Id, image2Id, at.Row, out var firstRow))
            {
                duplicates++;
                problems.Warning(ProblemCodes.DuplicateMatchup, File, $"{File} row {at}: same prompt and images as row {firstRow} (in either order); this row is skipped", at.Row, at.Line);
                continue;
            }
            matchups.Add(matchup);
        }
        if (dataRows > options.MaxRows)
            problems.Error(ProblemCodes.TooManyRows, File, $"{File}: more than {options.MaxRows:N0} rows, over the limit (Preference__Datasets__MaxRows); reading stopped at row {options.MaxRows + 2}");
        else if (dataRows == 0)
            problems.Error(ProblemCodes.NoMatchups, File, $"{File} has a header but no data rows", row: 2);
        CheckFinalIds(matchups, ids);
        return new CsvScan(dataRows, matchups, duplicates, columns.MetadataNames);
    }

    /// <summary>Ids become table row keys: a derived id (<c>m-</c> + hex) must not equal any other row's id, explicit or derived.</summary>
    private void CheckFinalIds(MatchupRowList matchups, Dictionary<string, int> ids)
    {
        foreach (var m in matchups)
        {
            if (m.Id is not null) continue;
            var derived = MatchupIds.Derive(m.Prompt, m.Image1.Path, m.Image2.Path);
            if (ids.TryAdd(derived, m.Row)) continue;
            var at = new RowAt(m.Row, m.Line);
            problems.Error(ProblemCodes.DuplicateId, File,
                $"{File} row {at}, column id: the id derived from this row's content, \"{derived}\", is already the id of row {ids[derived]}; give one of them an explicit id",
                at.Row, at.Line, "id");
        }
    }

    private MatchupRow? ReadRow(SepReader.Row row, MatchupColumns columns, RowAt at, Dictionary<string, int> ids, out int image1Id, out int image2Id)
    {
        image1Id = image2Id = 0;
        var ok = true;
        var promptSpan = row[columns.Prompt].Span.Trim();
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
        string? id = null;
        if (columns.Id >= 0 && row[columns.Id].Span.Trim() is { IsEmpty: false } idSpan)
        {
            id = idSpan.ToString();
            ok &= CheckId(id, at, ids);
        }
        if (!ok || image1 is not { } slot1 || image2 is not { } slot2) return null;

        var model1 = _models.Resolve(columns.Model1 >= 0 ? row[columns.Model1].Span.Trim() : default, reference1, slot1.Id < 0);
        var model2 = _models.Resolve(columns.Model2 >= 0 ? row[columns.Model2].Span.Trim() : default, reference2, slot2.Id < 0);
        if (!CheckModel(model1, "model1", at) | !CheckModel(model2, "model2", at)) return null;
        if (model1 == model2)
            problems.Warning(ProblemCodes.SameModel, File, $"{File} row {at}, column model2: both images are from model \"{model1}\"; the matchup says nothing about which model is better", at.Row, at.Line, "model2");
        string[]? metadata = null;
        if (columns.MetadataIndexes.Length > 0)
        {
            metadata = new string[columns.MetadataIndexes.Length];
            for (var i = 0; i < metadata.Length; i++) metadata[i] = row[columns.MetadataIndexes[i]].ToString();
            if (MetadataBytes(columns.MetadataNames, metadata) is var bytes && bytes > options.MaxMetadataBytesPerRow)
            {
                problems.Error(ProblemCodes.MetadataTooLarge, File, $"{File} row {at}: the private metadata columns hold {bytes:N0} bytes, over the limit of {options.MaxMetadataBytesPerRow:N0} per row (Preference__Datasets__MaxMetadataBytesPerRow)", at.Row, at.Line, columns.MetadataNames[0]);
                return null;
            }
        }
        var prompt = promptSpan.ToString();
        (image1Id, image2Id) = (slot1.Id, slot2.Id);
        return new MatchupRow(Row: at.Row, Line: at.Line, Id: id, Prompt: prompt, Image1: slot1.Entry, Image2: slot2.Entry,
            Model1: model1, Model2: model2, Metadata: metadata);
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

    private static int MetadataBytes(string[] names, string[] values)
    {
        var total = 0;
        for (var i = 0; i < values.Length; i++) total += Encoding.UTF8.GetByteCount(names[i]) + Encoding.UTF8.GetByteCount(values[i]);
        return total;
    }

    private bool CheckId(string id, RowAt at, Dictionary<string, int> ids)
    {
        if (id.Length > 200 || id.AsSpan().IndexOfAny("/\\#?") >= 0 || id.Any(char.IsControl))
        {
            problems.Error(ProblemCodes.BadId, File, $"{File} row {at}, column id: \"{id}\" is not a usable id (at most 200 characters, none of / \\ # ? or control characters)", at.Row, at.Line, "id");
            return false;
        }
        if (ids.TryAdd(id, at.Row)) return true;
        problems.Error(ProblemCodes.DuplicateId, File, $"{File} row {at}, column id: \"{id}\" is already the id of row {ids[id]}", at.Row, at.Line, "id");
        return false;
    }

    /// <summary>A row's position: "12", or "12 (line 14)" when quoted newlines shifted the lines.</summary>
    private readonly record struct RowAt(int Row, int Line)
    {
        public override string ToString() => Row == Line ? Row.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Row} (line {Line})");
    }
}

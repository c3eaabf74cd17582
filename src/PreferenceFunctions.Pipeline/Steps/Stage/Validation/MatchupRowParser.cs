using System.Runtime.CompilerServices;
using System.Text;
using nietras.SeparatedValues;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// The parsing side of the CSV pass (<see cref="MatchupCsvValidator"/>): checks one row's cells (prompt, images, id,
/// models, metadata) and writes what they decide into a <see cref="ParsedRowBatch"/>, its problems into the batch's list
/// so the rules side reports them in row order. The state kept across rows here (explicit ids, model names, URL
/// images) depends only on earlier rows' cells, never on the rules side.
/// </summary>
internal sealed class MatchupRowParser(ImageIndex index, DatasetOptions options, LongPromptPolicy longPrompts, MatchupColumns columns,
    bool keepRows, bool deriveIds)
{
    private const string File = MatchupColumns.FileName;
    private readonly ModelResolver _models = new();
    private readonly Dictionary<string, ImageSlot> _urls = new(StringComparer.Ordinal);
    private readonly string?[] _modelByImage = new string?[index.Count];
    private List<DatasetProblem> _problems = [];
    private bool _tooManyModelsReported;

    /// <summary>The explicit ids seen; derived ids are checked against them after the pass.</summary>
    public RowIds Ids { get; } = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public void Parse(SepReader.Row row, RowAt at, ParsedRowBatch batch)
    {
        _problems = batch.Problems;
        ref var parsed = ref batch.Next();
        parsed.At = at;
        if (row.ColCount != columns.Names.Length)
            Error(ProblemCodes.FieldCount, $"{File} row {at}: {row.ColCount} fields, the header has {columns.Names.Length} (check quotes and separators)", at, column: null);
        else
            parsed.Valid = ReadRow(row, at, ref parsed);
        parsed.ProblemsEnd = _problems.Count;
    }

    /// <summary>Checks every cell of a row and fills <paramref name="parsed"/>; false after reporting what is wrong.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    private bool ReadRow(SepReader.Row row, RowAt at, ref ParsedRow parsed)
    {
        var ok = true;
        var prompt = row[columns.Prompt].Span.Trim();
        if (prompt.IsEmpty)
        {
            Error(ProblemCodes.EmptyPrompt, $"{File} row {at}, column prompt: the prompt is empty", at, "prompt");
            ok = false;
        }
        else if (prompt.Length > options.MaxPromptChars)
        {
            Error(ProblemCodes.PromptTooLong, $"{File} row {at}, column prompt: {prompt.Length:N0} characters, over the limit of {options.MaxPromptChars:N0} (Preference__Datasets__MaxPromptChars)", at, "prompt");
            ok = false;
        }
        else if (prompt.Length > MatchupCsvValidator.LongPromptLength && longPrompts == LongPromptPolicy.Reject)
        {
            Error(ProblemCodes.LongPrompt, $"{File} row {at}, column prompt: {prompt.Length} characters, over Rapidata's limit of {MatchupCsvValidator.LongPromptLength} for a datapoint's context; shorten it (Preference__LongPrompts=Reject; with Shorten it would be shortened through Rapidata before upload)", at, "prompt");
            ok = false;
        }
        else if (prompt.Length > MatchupCsvValidator.LongPromptLength)
        {
            Warning(ProblemCodes.LongPrompt, $"{File} row {at}, column prompt: {prompt.Length} characters, over Rapidata's limit of {MatchupCsvValidator.LongPromptLength}; it will be shortened through Rapidata's shorten-context before upload (the original prompt stays in the results; Preference__LongPrompts=Reject rejects instead)", at, "prompt");
        }
        var reference1 = row[columns.Image1].Span.Trim();
        var reference2 = row[columns.Image2].Span.Trim();
        var image1 = Image(reference1, "image1", at);
        var image2 = Image(reference2, "image2", at);
        if (image1 is { } same && image1 == image2)
        {
            Error(ProblemCodes.SameImage, $"{File} row {at}, column image2: the same image as image1 (\"{same.Entry.Path}\"); a matchup needs two different images", at, "image2");
            ok = false;
        }
        ReadOnlySpan<char> id = default;
        if (columns.Id >= 0 && row[columns.Id].Span.Trim() is { IsEmpty: false } idSpan)
        {
            id = idSpan;
            ok &= CheckId(idSpan, at);
        }
        if (!ok || image1 is not { } slot1 || image2 is not { } slot2) return false;

        var model1 = columns.Model1 >= 0 ? _models.Resolve(row[columns.Model1].Span.Trim(), reference1, slot1.Id < 0) : ModelFromPath(slot1, reference1);
        var model2 = columns.Model2 >= 0 ? _models.Resolve(row[columns.Model2].Span.Trim(), reference2, slot2.Id < 0) : ModelFromPath(slot2, reference2);
        if (!CheckModel(model1, "model1", at) | !CheckModel(model2, "model2", at)) return false;
        if (model1 == model2)
            Warning(ProblemCodes.SameModel, $"{File} row {at}, column model2: both images are from model \"{model1}\"; the matchup says nothing about which model is better", at, "model2");
        if (columns.MetadataIndexes.Length > 0 && MetadataBytes(row) is var bytes && bytes > options.MaxMetadataBytesPerRow)
        {
            Error(ProblemCodes.MetadataTooLarge, $"{File} row {at}: the private metadata columns hold {bytes:N0} bytes, over the limit of {options.MaxMetadataBytesPerRow:N0} per row (Preference__Datasets__MaxMetadataBytesPerRow)", at, columns.MetadataNames[0]);
            return false;
        }
        (parsed.PromptHash, parsed.Image1, parsed.Image2, parsed.Model1, parsed.Model2) = (TextHash.Of(prompt), slot1, slot2, model1, model2);
        parsed.DerivesId = id.IsEmpty && deriveIds;
        if (keepRows) Keep(row, id, prompt, ref parsed);
        else if (parsed.DerivesId) parsed.DerivedId = MatchupIds.DeriveHash(prompt, slot1.Entry.Path, slot2.Entry.Path);
        return true;
    }

    /// <summary>
    /// The model an image's path names. A reference spelled exactly as the index's path (the common case) names the same
    /// model each time, so it is derived once per image; any other spelling (a prefix, "./", a URL) is derived as written.
    /// </summary>
    private string ModelFromPath(ImageSlot slot, ReadOnlySpan<char> reference)
    {
        if (slot.Id < 0 || slot.Entry.Path.Length != reference.Length) return _models.Resolve(default, reference, slot.Id < 0);
        ref var model = ref _modelByImage[slot.Id];
        return model ??= _models.Resolve(default, reference, isUrl: false);
    }

    private void Keep(SepReader.Row row, ReadOnlySpan<char> id, ReadOnlySpan<char> prompt, ref ParsedRow parsed)
    {
        (parsed.Id, parsed.Prompt) = (id.IsEmpty ? null : id.ToString(), prompt.ToString());
        if (columns.MetadataIndexes.Length == 0) return;
        var metadata = parsed.Metadata = new string[columns.MetadataIndexes.Length];
        for (var i = 0; i < metadata.Length; i++) metadata[i] = row[columns.MetadataIndexes[i]].ToString();
    }

    /// <summary>The image a cell names, or null after reporting why not. URL images get negative ids.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    private ImageSlot? Image(ReadOnlySpan<char> reference, string column, RowAt at)
    {
        void Fail(string code, string message) => Error(code, $"{File} row {at}, column {column}: {message}", at, column);
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
            Error(ProblemCodes.ModelNameTooLong, $"{File} row {at}, column {column}: the model name is {model.Length:N0} characters, over the limit of {options.MaxModelNameChars} (Preference__Datasets__MaxModelNameChars)", at, column);
            return false;
        }
        if (_models.Count <= options.MaxModels || _tooManyModelsReported) return true;
        _tooManyModelsReported = true;
        Error(ProblemCodes.TooManyModels, $"{File} row {at}, column {column}: model \"{model}\" makes {_models.Count:N0} models, over the limit of {options.MaxModels:N0} (Preference__Datasets__MaxModels)", at, column);
        return false;
    }

    private int MetadataBytes(SepReader.Row row)
    {
        var total = 0;
        for (var i = 0; i < columns.MetadataIndexes.Length; i++)
            total += Encoding.UTF8.GetByteCount(columns.MetadataNames[i]) + Encoding.UTF8.GetByteCount(row[columns.MetadataIndexes[i]].Span);
        return total;
    }

    private bool CheckId(ReadOnlySpan<char> id, RowAt at)
    {
        if (id.Length > 200 || id.IndexOfAny("/\\#?") >= 0 || id.IndexOfAnyInRange('\u0000', '\u001f') >= 0 || id.IndexOfAnyInRange('\u007f', '\u009f') >= 0)
        {
            Error(ProblemCodes.BadId, $"{File} row {at}, column id: \"{id}\" is not a usable id (at most 200 characters, none of / \\ # ? or control characters)", at, "id");
            return false;
        }
        if (Ids.TryAddExplicit(id, at.Row, out var firstRow)) return true;
        Error(ProblemCodes.DuplicateId, $"{File} row {at}, column id: \"{id}\" is already the id of row {firstRow}", at, "id");
        return false;
    }

    private void Error(string code, string message, RowAt at, string? column) =>
        _problems.Add(new DatasetProblem(ProblemSeverity.Error, code, File, at.Row, at.Line, column, message));

    private void Warning(string code, string message, RowAt at, string column) =>
        _problems.Add(new DatasetProblem(ProblemSeverity.Warning, code, File, at.Row, at.Line, column, message));
}

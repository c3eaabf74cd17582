using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// The whole check of a dataset, the same for a folder on disk and for blobs: order settings, the CSV pass, sampling,
/// the model graph, then the bytes of every image to be staged (format by magic bytes, size, SHA-256).
/// Image bytes are read only for staged matchups, so sampling 40 of 100,000 reads 80 images.
/// </summary>
internal sealed class DatasetCheck(DatasetOptions options)
{
    public async Task<DatasetCheckResult> RunAsync(DatasetCheckInput input, TextReader? csv, ProblemList problems, CancellationToken cancellationToken)
    {
        var fileSettings = input.OrderJson is null ? null : OrderJsonReader.Read(input.OrderJson, problems);
        var settings = OrderSettingsResolver.Resolve(input.Defaults, input.DatasetFolder, fileSettings, input.Request, problems);

        var scan = new CsvScan(0, [], 0, []);
        if (csv is null && !input.CsvRefused)
            problems.Error(ProblemCodes.MissingFile, MatchupColumns.FileName, $"{MatchupColumns.FileName} not found in {input.Dataset}; it is required (upload it last: its arrival starts the run)");
        else if (csv is not null)
            scan = new MatchupCsvValidator(input.Images, options, problems, input.Defaults.LongPrompts).Validate(csv);

        var staged = MatchupSampler.Sample(scan.Matchups, settings.Sample, settings.Seed);
        if (settings.Sample > scan.Matchups.Count && scan.Matchups.Count > 0)
            problems.Warning(ProblemCodes.OrderSetting, OrderJsonReader.FileName, $"sample is {settings.Sample} but the dataset has {scan.Matchups.Count} valid matchups; all of them are used", column: "sample");

        var graph = ModelGraph.From(staged);
        if (graph.Groups.Count > 1)
            problems.Warning(ProblemCodes.DisconnectedModels, MatchupColumns.FileName,
                $"the models form {graph.Groups.Count} groups that never meet in a matchup ({string.Join(" | ", graph.Groups.Select(g => string.Join(", ", g)))}); scores across groups cannot be compared");

        var facts = await InspectAsync(input, staged, problems, cancellationToken);
        var distinct = staged.SelectMany(m => new[] { m.Image1, m.Image2 })
            .Select(i => facts.TryGetValue(i, out var f) ? f.Sha256 : i.Location).Distinct(StringComparer.Ordinal).Count();
        // Adaptive rounds may buy up to maxExtraVotes more: the spend limits count them as ordered.
        var extra = settings.Adaptive?.MaxExtraVotes ?? 0;
        var votes = (long)staged.Count * settings.ResponsesPerMatchup + extra;
        if (votes > input.Defaults.MaxVotesPerRun)
            problems.Error(ProblemCodes.TooManyVotes, OrderJsonReader.FileName,
                $"this run would order {votes:N0} votes ({staged.Count:N0} matchups x {settings.ResponsesPerMatchup} responses{(extra > 0 ? $" + adaptive.maxExtraVotes {extra:N0}" : "")}), over the limit of {input.Defaults.MaxVotesPerRun:N0} per run (Preference__MaxVotesPerRun); lower responsesPerMatchup, use sample, or raise the limit",
                column: "responsesPerMatchup");
        var counts = new DatasetCounts(scan.DataRows, scan.Matchups.Count, scan.DuplicatesRemoved, staged.Count, staged.Count * 2, distinct, votes);
        var report = new ValidationReport(problems.ErrorCount == 0, input.Dataset, counts, graph.Models, graph.Pairs, graph.Groups, settings,
            problems.ErrorCount, problems.WarningCount, problems.NotListed, problems.Sorted());
        return new DatasetCheckResult(report, settings, staged, facts, scan.MetadataColumns);
    }

    private async Task<IReadOnlyDictionary<ImageEntry, ImageFacts>> InspectAsync(DatasetCheckInput input, IReadOnlyList<MatchupRow> staged, ProblemList problems, CancellationToken cancellationToken)
    {
        // The first row and column naming each image: where a problem with its bytes is reported.
        var firstUse = new Dictionary<ImageEntry, (MatchupRow Row, string Column)>(ReferenceEqualityComparer.Instance);
        foreach (var m in staged)
        {
            firstUse.TryAdd(m.Image1, (m, "image1"));
            firstUse.TryAdd(m.Image2, (m, "image2"));
        }
        IReadOnlyDictionary<ImageEntry, ImageFacts> facts;
        try
        {
            facts = await ImageInspector.InspectAsync(firstUse.Keys, input.Content, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            problems.Error(ProblemCodes.BadZip, "images.zip", $"images.zip could not be read: {e.Message}");
            return new Dictionary<ImageEntry, ImageFacts>();
        }
        foreach (var (image, (row, column)) in firstUse)
        {
            if (!facts.TryGetValue(image, out var f)) continue;
            var at = row.Row == row.Line ? $"{row.Row}" : $"{row.Row} (line {row.Line})";
            if (f.Format == ImageFormat.Unknown)
                problems.Error(ProblemCodes.NotAnImage, MatchupColumns.FileName, $"{MatchupColumns.FileName} row {at}, column {column}: \"{image.Path}\" is not a PNG, JPEG, WebP or GIF image ({f.HeaderDescription})", row.Row, row.Line, column);
            else if (f.Width * f.Height is { } pixels && pixels > options.MaxImagePixels)
                problems.Error(ProblemCodes.ImageTooManyPixels, MatchupColumns.FileName, $"{MatchupColumns.FileName} row {at}, column {column}: \"{image.Path}\" is {f.Width:N0} x {f.Height:N0} pixels ({pixels:N0}), over the limit of {options.MaxImagePixels:N0} (Preference__Datasets__MaxImagePixels)", row.Row, row.Line, column);
            else if (f.SizeBytes > options.MaxImageBytes)
                problems.Error(ProblemCodes.ImageTooLarge, MatchupColumns.FileName, $"{MatchupColumns.FileName} row {at}, column {column}: \"{image.Path}\" is {f.SizeBytes:N0} bytes, over the limit of {options.MaxImageBytes:N0} (Preference__Datasets__MaxImageBytes)", row.Row, row.Line, column);
        }
        return facts;
    }
}

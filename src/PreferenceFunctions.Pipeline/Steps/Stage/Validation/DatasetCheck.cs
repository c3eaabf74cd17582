using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// The whole check of a dataset, the same for a folder on disk and for blobs: order settings, the CSV pass, sampling,
/// the model graph, then the bytes of every image to be staged (format by magic bytes, size, SHA-256).
/// Image bytes are read only for staged matchups, so sampling 40 of 100,000 reads 80 images. Without
/// <paramref name="keepMatchups"/> (a report only, the <c>validate</c> command) the rows are tallied, not held, and the
/// result's <see cref="DatasetCheckResult.Staged"/> is empty; a <c>sample</c> setting needs the rows and keeps them anyway.
/// </summary>
internal sealed class DatasetCheck(DatasetOptions options, bool keepMatchups = true)
{
    public async Task<DatasetCheckResult> RunAsync(DatasetCheckInput input, TextReader? csv, ProblemList problems, CancellationToken cancellationToken)
    {
        var fileSettings = input.OrderJson is null ? null : OrderJsonReader.Read(input.OrderJson, problems);
        var settings = OrderSettingsResolver.Resolve(input.Defaults, input.DatasetFolder, fileSettings, input.Request, problems);

        var scan = new CsvScan(0, [], 0, []);
        var tally = new MatchupTally();
        var keep = keepMatchups || settings.Sample is not null;
        if (csv is null && !input.CsvRefused)
            problems.Error(ProblemCodes.MissingFile, MatchupColumns.FileName, $"{MatchupColumns.FileName} not found in {input.Dataset}; it is required (upload it last: its arrival starts the run)");
        else if (csv is not null)
        {
            var validator = new MatchupCsvValidator(input.Images, options, problems, input.Defaults.LongPrompts);
            scan = keep ? validator.Validate(csv) : validator.Validate(csv, tally);
        }
        var valid = keep ? scan.Matchups.Count : tally.Count;

        var audienceSource = fileSettings?.Audience is not null ? OrderJsonReader.FileName : OrderSettingsResolver.RequestSource;
        var examples = AudienceExampleCheck.Resolve(settings.Audience, audienceSource, input.Images, options, problems);
        var staged = MatchupSampler.Sample(scan.Matchups, settings.Sample, settings.Seed);
        if (keep) tally = MatchupTally.Of(staged);
        if (settings.Sample > valid && valid > 0)
            problems.Warning(ProblemCodes.OrderSetting, OrderJsonReader.FileName, $"sample is {settings.Sample} but the dataset has {valid} valid matchups; all of them are used", column: "sample");

        var graph = ModelGraph.From(tally);
        if (graph.Groups.Count > 1)
            problems.Warning(ProblemCodes.DisconnectedModels, MatchupColumns.FileName,
                $"the models form {graph.Groups.Count} groups that never meet in a matchup ({string.Join(" | ", graph.Groups.Select(g => string.Join(", ", g)))}); scores across groups cannot be compared");

        var facts = await InspectAsync(input, tally, examples, audienceSource, problems, cancellationToken);
        foreach (var e in examples.Where(e => facts.TryGetValue(e.Image1, out var f1) && facts.TryGetValue(e.Image2, out var f2) && f1.Sha256 == f2.Sha256))
            problems.Error(ProblemCodes.SameImage, audienceSource, $"{audienceSource}, field audience.examples[{e.Index}].image2: " +
                $"\"{e.Image2.Path}\" has the same content as image1 (\"{e.Image1.Path}\"); an example needs two different images", column: "audience");
        var distinct = tally.Images.Select(i => facts.TryGetValue(i.Image, out var f) ? f.Sha256 : i.Image.Location).Distinct(StringComparer.Ordinal).Count();
        // Adaptive rounds may buy up to maxExtraVotes more: the spend limits count them as ordered.
        var extra = settings.Adaptive?.MaxExtraVotes ?? 0;
        var votes = (long)tally.Count * settings.ResponsesPerMatchup + extra;
        if (votes > input.Defaults.MaxVotesPerRun)
            problems.Error(ProblemCodes.TooManyVotes, OrderJsonReader.FileName,
                $"this run would order {votes:N0} votes ({tally.Count:N0} matchups x {settings.ResponsesPerMatchup} responses{(extra > 0 ? $" + adaptive.maxExtraVotes {extra:N0}" : "")}), over the limit of {input.Defaults.MaxVotesPerRun:N0} per run (Preference__MaxVotesPerRun); lower responsesPerMatchup, use sample, or raise the limit",
                column: "responsesPerMatchup");
        var counts = new DatasetCounts(scan.DataRows, valid, scan.DuplicatesRemoved, tally.Count, tally.Count * 2, distinct, votes);
        var report = new ValidationReport(problems.ErrorCount == 0, input.Dataset, counts, graph.Models, graph.Pairs, graph.Groups, settings,
            problems.ErrorCount, problems.WarningCount, problems.NotListed, problems.Sorted());
        return new DatasetCheckResult(report, settings, staged, facts, scan.MetadataColumns, examples);
    }

    private async Task<IReadOnlyDictionary<ImageEntry, ImageFacts>> InspectAsync(DatasetCheckInput input, MatchupTally staged,
        IReadOnlyList<StagedAudienceExample> examples, string audienceSource, ProblemList problems, CancellationToken cancellationToken)
    {
        // The first row and column naming each image: where a problem with its bytes is reported.
        var firstUse = new Dictionary<ImageEntry, ImageUse>(ReferenceEqualityComparer.Instance);
        foreach (var (image, use) in staged.Images) firstUse.Add(image, ImageUse.Of(use));
        // An audience's examples are staged, hashed and uploaded like matchups' images.
        foreach (var e in examples)
        {
            firstUse.TryAdd(e.Image1, new ImageUse(audienceSource, $"{audienceSource}, field audience.examples[{e.Index}].image1", null, null, "audience"));
            firstUse.TryAdd(e.Image2, new ImageUse(audienceSource, $"{audienceSource}, field audience.examples[{e.Index}].image2", null, null, "audience"));
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
        foreach (var (image, use) in firstUse)
        {
            if (!facts.TryGetValue(image, out var f)) continue;
            void Bad(string code, string message) => problems.Error(code, use.File, $"{use.Where}: {message}", use.Row, use.Line, use.Column);
            if (f.Format == ImageFormat.Unknown)
                Bad(ProblemCodes.NotAnImage, $"\"{image.Path}\" is not a PNG, JPEG, WebP or GIF image ({f.HeaderDescription})");
            else if (f.Width * f.Height is { } pixels && pixels > options.MaxImagePixels)
                Bad(ProblemCodes.ImageTooManyPixels, $"\"{image.Path}\" is {f.Width:N0} x {f.Height:N0} pixels ({pixels:N0}), over the limit of {options.MaxImagePixels:N0} (Preference__Datasets__MaxImagePixels)");
            else if (f.SizeBytes > options.MaxImageBytes)
                Bad(ProblemCodes.ImageTooLarge, $"\"{image.Path}\" is {f.SizeBytes:N0} bytes, over the limit of {options.MaxImageBytes:N0} (Preference__Datasets__MaxImageBytes)");
        }
        return facts;
    }

    /// <summary>Where an image is first named: a matchups.csv row and column, or an audience example's field.</summary>
    private sealed record ImageUse(string File, string Where, int? Row, int? Line, string Column)
    {
        public static ImageUse Of(MatchupTally.FirstUse use) => new(MatchupColumns.FileName,
            $"{MatchupColumns.FileName} row {(use.Row == use.Line ? $"{use.Row}" : $"{use.Row} (line {use.Line})")}, column {use.Column}", use.Row, use.Line, use.Column);
    }
}

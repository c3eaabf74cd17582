using System.IO.Compression;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>
/// Reads a dataset folder from blob storage, checks it (<see cref="DatasetCheck"/>) and writes the run's report, and
/// when accepted its manifest and chunks. Only reads the datasets container; writes are plain overwrites of
/// deterministic content, so running it twice gives the same blobs. Images are validated in the run's own copy
/// (<see cref="StagedImages"/>), which upload and report read later.
/// </summary>
public sealed class DatasetStager(BlobServiceClient blobs, IOptions<DatasetOptions> options, IOptions<PreferenceOptions> defaults, ILogger<DatasetStager> logger,
    DailyVoteBudget? budget = null, RepeatedDatasetGuard? repeats = null, RunWebhookSeal? webhookSeal = null)
{
    private const int ZipReadBuffer = 4 * 1024 * 1024;
    private readonly ManifestStore _store = new(blobs);

    public async Task<StagedDataset> StageAsync(StageDatasetRequest request, CancellationToken ct)
    {
        var settings = options.Value;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var folder = request.DatasetFolder.Trim('/');
        var datasets = blobs.GetBlobContainerClient(request.DatasetsContainer);
        var runs = blobs.GetBlobContainerClient(request.RunsContainer);
        await runs.CreateIfNotExistsAsync(cancellationToken: ct);
        var stagedFolder = StagedImages.FolderFor(request.RunId);

        var listing = await BlobDatasetListing.ListAsync(datasets, folder, ct);
        var problems = new ProblemList(settings.MaxProblems);
        var index = new ImageIndex();
        var looseImages = new BlobImageContentSource(datasets, runs, stagedFolder);
        var content = new Dictionary<ImageSource, IImageContentSource> { [ImageSource.Blob] = looseImages };
        await using var archive = await OpenZipAsync(datasets, listing.Zip, runs.GetBlobClient($"{stagedFolder}/{DatasetFiles.Zip}"), settings, problems, ct);
        ZipImageContentSource? zipImages = null;
        if (archive is not null)
        {
            index.AddZip(archive);
            zipImages = new ZipImageContentSource(archive, runs.GetBlockBlobClient($"{stagedFolder}/{StagedImagePack.ZipBlobName}"));
            content[ImageSource.Zip] = zipImages;
        }
        index.AddLoose(listing.LooseImages, $"the blobs under {request.DatasetsContainer}/{folder}/");
        StagingLog.Phase(logger, request.RunId, "listing and image index", clock.ElapsedMilliseconds);

        var orderJson = listing.Order is null || !FileLimits.OrderFits(listing.Order.Properties.ContentLength, settings, problems) ? null
            : OrderJsonReader.Decode((await datasets.GetBlobClient(listing.Order.Name).DownloadContentAsync(ct)).Value.Content.ToMemory().Span, problems);
        var csvFits = listing.Matchups is null || FileLimits.CsvFits(listing.Matchups.Properties.ContentLength, settings, problems);
        // An HTTP start's webhook arrives sealed (RunsApi); it is checked in clear and sealed again for the run's history.
        var overrides = request.OrderSettingsOverrides is { Webhook: { } sealedHook } given && webhookSeal is not null
            ? given with { Webhook = webhookSeal.Open(sealedHook) }
            : request.OrderSettingsOverrides;
        var input = new DatasetCheckInput($"{request.DatasetsContainer}/{folder}", folder, index, content, orderJson, overrides, defaults.Value,
            CsvRefused: !csvFits);
        DatasetCheckResult check;
        if (listing.Matchups is null || !csvFits)
        {
            check = await new DatasetCheck(settings).RunAsync(input, null, problems, ct);
        }
        else
        {
            await using var csvStream = await datasets.GetBlobClient(listing.Matchups.Name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), ct);
            using var csv = new MatchupCsvReader(csvStream);
            check = await new DatasetCheck(settings).RunAsync(input, csv, problems, ct);
        }
        StagingLog.Phase(logger, request.RunId, "validation and image hashing", clock.ElapsedMilliseconds);
        var sameAsRun = check.Report.Accepted && repeats is not null && !check.Settings.Rerun
            ? await repeats.FindRepeatedRunAsync(request.RunId, DatasetFingerprint.Of($"{request.DatasetsContainer}/{folder}", check), ct)
            : null;
        if (sameAsRun is not null)
        {
            // Not an error: the dataset is fine and already answered. The report says so; nothing is staged for upload.
            problems.Warning(ProblemCodes.SameAsCompletedRun, OrderJsonReader.FileName,
                $"the matchups, images and settings are identical to run {sameAsRun}, which completed (results: /api/runs/{sameAsRun}/results); nothing new is ordered and that run answers for this one. Set \"rerun\": true in order.json to order again",
                column: "rerun");
            check = check with { Report = check.Report with { WarningCount = problems.WarningCount, Problems = problems.Sorted() } };
        }
        if (check.Report.Accepted && check.Settings.Webhook is not null && webhookSeal?.CanSeal != true)
        {
            problems.Error(ProblemCodes.OrderSetting, OrderJsonReader.FileName, $"{OrderJsonReader.FileName}, webhook: {RunWebhookSeal.NeedsSecret}",
                column: "webhook");
            check = check with { Report = check.Report with { Accepted = false, ErrorCount = problems.ErrorCount, Problems = problems.Sorted() } };
        }
        if (check.Report.Accepted && budget is not null && await budget.TryReserveAsync(request.RunId, check.Report.Counts.Votes, ct) is { } refused)
        {
            problems.Error(ProblemCodes.TooManyVotesToday, OrderJsonReader.FileName, refused, column: "responsesPerMatchup");
            check = check with { Report = check.Report with { Accepted = false, ErrorCount = problems.ErrorCount, Problems = problems.Sorted() } };
        }
        var staged = sameAsRun is null
            ? await WriteAsync(request, folder, stagedFolder, listing, check, PackedOffsets(looseImages, zipImages), ct)
            : await WriteSameAsAsync(request, check, sameAsRun, ct);
        StagingLog.Phase(logger, request.RunId, "report, manifest and chunks written", clock.ElapsedMilliseconds);
        return staged;
    }

    private async Task<StagedDataset> WriteAsync(StageDatasetRequest request, string folder, string stagedFolder, BlobDatasetListing listing,
        DatasetCheckResult check, IReadOnlyDictionary<ImageEntry, long> packed, CancellationToken ct)
    {
        // The webhook URL may carry a token: the blobs keep a redacted form, the run's history a sealed one (RunWebhookSeal),
        // and a URL that cannot be sealed is not kept at all.
        var stored = check.Settings with { Webhook = check.Settings.Webhook is { } hook ? WebhookAddresses.Redact(hook) : null };
        var forHistory = check.Settings with
        {
            Webhook = check.Settings.Webhook is { } url && webhookSeal?.CanSeal == true ? webhookSeal.Seal(url) : null,
        };
        var report = check.Report with { Settings = stored };
        var reportBlob = $"{request.RunId}/validation.json";
        await _store.WriteJsonAsync(request.RunsContainer, reportBlob, report, indented: true, ct);
        await _store.WriteTextAsync(request.RunsContainer, $"{request.RunId}/validation.txt", ReportText.Render(report), ct);
        var firstErrors = report.Problems.Where(p => p.Severity == ProblemSeverity.Error).Take(5).Select(p => p.Message).ToList();
        var models = report.Models.Select(m => m.Name).ToList();
        if (!report.Accepted)
        {
            StagingLog.Rejected(logger, request.DatasetsContainer, folder, request.RunId, report.ErrorCount, firstErrors.FirstOrDefault() ?? "");
            return new StagedDataset(false, reportBlob, null, [], report.Counts.Staged, report.Counts.Images, report.Counts.DistinctImages, models, report.ErrorCount, report.WarningCount, firstErrors, forHistory);
        }

        var chunks = ManifestBuilder.Chunks(check, options.Value.ChunkSize, options.Value.MaxChunkImageBytes, stagedFolder, packed);
        var chunkNames = chunks.Select(c => ManifestBuilder.ChunkBlobName(request.RunId, c.Index)).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (chunk, token) => await _store.WriteJsonAsync(request.RunsContainer, chunkNames[chunk.Index], chunk, indented: false, token));
        var manifest = new DatasetManifest(request.RunId, request.DatasetsContainer, folder, listing.Zip?.Name, listing.Zip?.Properties.ETag?.ToString(),
            listing.Matchups!.Properties.ETag?.ToString() ?? "", report.Counts.Staged, report.Counts.Images, report.Counts.DistinctImages,
            report.Models, report.ModelPairs, stored, options.Value.ChunkSize, chunkNames, ManifestBuilder.AudienceExamples(check, packed));
        var manifestBlob = $"{request.RunId}/manifest.json";
        await _store.WriteJsonAsync(request.RunsContainer, manifestBlob, manifest, indented: true, ct);
        StagingLog.Staged(logger, request.DatasetsContainer, folder, request.RunId, report.Counts.Staged, chunks.Count, report.WarningCount);
        return new StagedDataset(true, reportBlob, manifestBlob, chunkNames, report.Counts.Staged, report.Counts.Images, report.Counts.DistinctImages, models, 0, report.WarningCount, [], forHistory);
    }

    /// <summary>Where each packed image starts in its source's pack (loose images and zip entries are distinct entries).</summary>
    private static Dictionary<ImageEntry, long> PackedOffsets(BlobImageContentSource loose, ZipImageContentSource? zip) =>
        loose.PackedOffsets.Concat(zip?.PackedOffsets ?? new Dictionary<ImageEntry, long>())
            .ToDictionary(p => p.Key, p => p.Value, (IEqualityComparer<ImageEntry>)ReferenceEqualityComparer.Instance);

    /// <summary>A dataset identical to a completed run's: only the report is written, and that run answers for this one.</summary>
    private async Task<StagedDataset> WriteSameAsAsync(StageDatasetRequest request, DatasetCheckResult check, string sameAsRun, CancellationToken ct)
    {
        var report = check.Report with { Settings = check.Settings with { Webhook = check.Settings.Webhook is { } hook ? WebhookAddresses.Redact(hook) : null } };
        var reportBlob = $"{request.RunId}/validation.json";
        await _store.WriteJsonAsync(request.RunsContainer, reportBlob, report, indented: true, ct);
        await _store.WriteTextAsync(request.RunsContainer, $"{request.RunId}/validation.txt", ReportText.Render(report), ct);
        return new StagedDataset(false, reportBlob, null, [], report.Counts.Staged, report.Counts.Images, report.Counts.DistinctImages,
            [.. report.Models.Select(m => m.Name)], 0, report.WarningCount, [], check.Settings with { Webhook = null }, sameAsRun);
    }

    /// <summary>
    /// Copies the listed version of images.zip into the run's staged folder (a zip replaced since the listing fails the copy,
    /// and staging is retried) and opens the copy over a seekable, buffered stream; a broken zip becomes a report error.
    /// </summary>
    private static async Task<ZipArchive?> OpenZipAsync(BlobContainerClient datasets, BlobItem? zip, BlobClient copy, DatasetOptions settings,
        ProblemList problems, CancellationToken ct)
    {
        if (zip is null || !FileLimits.Fits(DatasetFiles.Zip, zip.Properties.ContentLength, settings.MaxZipBytes, "Preference__Datasets__MaxZipBytes", problems))
            return null;
        await StagedImages.CopyAsync(datasets.GetBlobClient(zip.Name), copy, zip.Properties.ETag, ct);
        var stream = await copy.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = ZipReadBuffer }, ct);
        try
        {
            if (!await FileLimits.ZipFitsAsync(stream, settings, problems, ct))
            {
                await stream.DisposeAsync();
                return null;
            }
            return await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, ct);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException) // the blob stream refuses the seek a too-short "zip" asks for
        {
            await stream.DisposeAsync();
            problems.Error(ProblemCodes.BadZip, DatasetFiles.Zip, $"{DatasetFiles.Zip} is not a readable zip archive: {e.Message}");
            return null;
        }
    }
}

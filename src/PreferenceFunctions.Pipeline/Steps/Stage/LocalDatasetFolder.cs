using System.IO.Compression;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>
/// Checks a dataset folder on the local disk with exactly the rules the stager applies to blobs
/// (the <c>validate</c> command): images.zip and loose files are indexed once, then <see cref="DatasetCheck"/> runs.
/// </summary>
public static class LocalDatasetFolder
{
    /// <summary>matchups.csv is read in 1 MiB blocks: a 100 MB file in 100 reads rather than 25,000.</summary>
    private const int CsvBufferBytes = 1 << 20;

    /// <param name="keepMatchups">
    /// False for a report only (<c>validate</c>): the rows are checked and tallied, not held, and
    /// <see cref="DatasetCheckResult.Staged"/> is empty (unless order.json sets <c>sample</c>).
    /// </param>
    public static async Task<DatasetCheckResult> CheckAsync(string path, DatasetOptions options, PreferenceOptions defaults, CancellationToken cancellationToken,
        bool keepMatchups = true)
    {
        var root = Path.GetFullPath(path);
        var problems = new ProblemList(options.MaxProblems);
        var index = new ImageIndex();
        var content = new Dictionary<ImageSource, IImageContentSource> { [ImageSource.File] = new FileImageContentSource() };
        var zipPath = Path.Combine(root, DatasetFiles.Zip);
        ZipArchive? archive = null;
        try
        {
            if (File.Exists(zipPath))
            {
                try
                {
                    archive = await OpenZipAsync(zipPath, options, problems, cancellationToken);
                    if (archive is not null)
                    {
                        index.AddZip(archive);
                        content[ImageSource.Zip] = new ZipImageContentSource(archive);
                    }
                }
                catch (InvalidDataException e)
                {
                    problems.Error(ProblemCodes.BadZip, DatasetFiles.Zip, $"{DatasetFiles.Zip} is not a readable zip archive: {e.Message}");
                }
            }
            index.AddLoose(LooseFiles(root), "the dataset folder");

            var orderPath = Path.Combine(root, DatasetFiles.Order);
            var orderJson = File.Exists(orderPath) && FileLimits.OrderFits(new FileInfo(orderPath).Length, options, problems)
                ? OrderJsonReader.Decode(await File.ReadAllBytesAsync(orderPath, cancellationToken), problems) : null;
            var csvPath = Path.Combine(root, DatasetFiles.Matchups);
            var csvFits = !File.Exists(csvPath) || FileLimits.CsvFits(new FileInfo(csvPath).Length, options, problems);
            var input = new DatasetCheckInput(root, Path.GetFileName(root), index, content, orderJson, null, defaults, CsvRefused: !csvFits);
            var check = new DatasetCheck(options, keepMatchups);
            if (!File.Exists(csvPath) || !csvFits) return await check.RunAsync(input, null, problems, cancellationToken);
            await using var file = new FileStream(csvPath, new FileStreamOptions { BufferSize = 0, Options = FileOptions.SequentialScan });
            using var csv = new MatchupCsvReader(file, CsvBufferBytes);
            return await check.RunAsync(input, csv, problems, cancellationToken);
        }
        finally
        {
            if (archive is not null) await archive.DisposeAsync();
        }
    }

    private static async Task<ZipArchive?> OpenZipAsync(string zipPath, DatasetOptions options, ProblemList problems, CancellationToken cancellationToken)
    {
        var stream = new ZipFileStream(zipPath);
        if (!await FileLimits.ZipFitsAsync(stream, options, problems, cancellationToken))
        {
            await stream.DisposeAsync();
            return null;
        }
        return await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
    }

    private static IEnumerable<ImageEntry> LooseFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => (file, relative: Path.GetRelativePath(root, file).Replace('\\', '/')))
            .Where(f => !DatasetFiles.IsWellKnown(f.relative))
            .Select(f => new ImageEntry(f.relative, ImageSource.File, new FileInfo(f.file).Length, f.file));
}

using System.IO.Compression;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>
/// A dataset folder on disk as the analysis needs it: its matchups (ids, images, models, read with the same rules
/// as the pipeline) to join results to, and <see cref="LoadImageAsync"/> over its loose images and images.zip.
/// </summary>
public sealed class LocalDatasetMatchups : IAsyncDisposable
{
    private readonly Dictionary<string, ImageEntry> _images;
    private readonly ZipArchive? _zip;
    private readonly SemaphoreSlim _zipLock = new(1, 1);  // a ZipArchive is not safe for concurrent reads

    private LocalDatasetMatchups(IReadOnlyList<Matchup> matchups, Dictionary<string, ImageEntry> images, ZipArchive? zip)
    {
        Matchups = matchups;
        _images = images;
        _zip = zip;
    }

    public IReadOnlyList<Matchup> Matchups { get; }

    /// <exception cref="InvalidDataException">The dataset is rejected by validation; the message lists the first problems.</exception>
    public static async Task<LocalDatasetMatchups> OpenAsync(string folder, CancellationToken cancellationToken = default)
    {
        var check = await LocalDatasetFolder.CheckAsync(folder, new DatasetOptions(), new PreferenceOptions(), cancellationToken).ConfigureAwait(false);
        if (!check.Report.Accepted)
            throw new InvalidDataException($"Dataset '{folder}' is not valid:{Environment.NewLine}{ReportText.Render(check.Report)}");
        var matchups = check.Staged.Select(row => new Matchup
        {
            Id = MatchupIds.Of(row),
            Prompt = row.Prompt,
            Image1 = row.Image1.Path,
            Image2 = row.Image2.Path,
            Model1 = row.Model1,
            Model2 = row.Model2,
        }).ToList();
        var images = new Dictionary<string, ImageEntry>(StringComparer.Ordinal);
        foreach (var row in check.Staged)
        {
            images.TryAdd(row.Image1.Path, row.Image1);
            images.TryAdd(row.Image2.Path, row.Image2);
        }
        var zipPath = Path.Combine(folder, DatasetFiles.Zip);
        var zip = images.Values.Any(i => i.Source == ImageSource.Zip)
            ? await ZipFile.OpenReadAsync(zipPath, cancellationToken).ConfigureAwait(false)
            : null;
        return new LocalDatasetMatchups(matchups, images, zip);
    }

    /// <summary>Bytes of a dataset image by its reference; null when the dataset has no such image.</summary>
    public async Task<byte[]?> LoadImageAsync(string imagePath, CancellationToken cancellationToken)
    {
        if (!_images.TryGetValue(imagePath, out var image)) return null;
        if (image.Source == ImageSource.File) return await File.ReadAllBytesAsync(image.Location, cancellationToken).ConfigureAwait(false);
        if (image.Source != ImageSource.Zip || _zip is null) return null;
        await _zipLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // GetEntry too: the first call reads the central directory, which two threads must not do at once.
            if (_zip.GetEntry(image.Location) is not { } entry) return null;
            await using var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        finally
        {
            _zipLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_zip is not null) await _zip.DisposeAsync().ConfigureAwait(false);
        _zipLock.Dispose();
    }
}

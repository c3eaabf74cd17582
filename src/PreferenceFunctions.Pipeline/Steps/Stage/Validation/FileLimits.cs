using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// File-level caps checked before a file is read (sizes from the listing, the zip's entry count from its end record),
/// so an oversized file costs one error in the report and no memory.
/// </summary>
internal static class FileLimits
{
    /// <summary>True when <paramref name="bytes"/> fits; else reports a <c>file-too-large</c> error naming the setting.</summary>
    public static bool Fits(string file, long? bytes, long limit, string setting, ProblemList problems)
    {
        if (bytes is not { } size || size <= limit) return true;
        problems.Error(ProblemCodes.FileTooLarge, file, $"{file} is {size:N0} bytes, over the limit of {limit:N0} ({setting}); it was not read");
        return false;
    }

    public static bool CsvFits(long? bytes, DatasetOptions options, ProblemList problems) =>
        Fits(DatasetFiles.Matchups, bytes, options.MaxCsvBytes, "Preference__Datasets__MaxCsvBytes", problems);

    public static bool OrderFits(long? bytes, DatasetOptions options, ProblemList problems) =>
        Fits(DatasetFiles.Order, bytes, options.MaxOrderJsonBytes, "Preference__Datasets__MaxOrderJsonBytes", problems);

    /// <summary>Size and declared entry count of images.zip; the stream's position is left anywhere.</summary>
    public static async Task<bool> ZipFitsAsync(Stream seekable, DatasetOptions options, ProblemList problems, CancellationToken cancellationToken)
    {
        if (!Fits(DatasetFiles.Zip, seekable.Length, options.MaxZipBytes, "Preference__Datasets__MaxZipBytes", problems)) return false;
        var entries = await ZipEntryCount.ReadAsync(seekable, cancellationToken);
        seekable.Position = 0;
        if (entries is not { } count || count <= options.ZipEntryLimit) return true;
        problems.Error(ProblemCodes.TooManyZipEntries, DatasetFiles.Zip,
            $"{DatasetFiles.Zip} declares {count:N0} entries, over the limit of {options.ZipEntryLimit:N0} (Preference__Datasets__MaxZipEntries, default 2 x MaxRows); it was not read");
        return false;
    }
}

using System.Text.RegularExpressions;
using PreferenceFunctions.Pipeline.Steps.Stage;

namespace PreferenceFunctions.Api;

/// <summary>
/// What <c>POST /api/datasets/{dataset}</c> accepts before it reads a byte of a file: a dataset name and file paths that
/// are safe blob names (no <c>..</c>, no hidden or absolute paths), and caps on files and bytes. The Functions host takes
/// requests up to 100 MB, so a bigger dataset goes through <c>upload</c> instead. The dashboard (upload.js) checks the same
/// two caps before sending.
/// </summary>
public static partial class DatasetUploadRules
{
    public const int MaxNameLength = 63;
    public const int MaxPathLength = 260;
    public const int MaxFiles = 5_000;
    public const long MaxDatasetBytes = 90L * 1024 * 1024;

    /// <returns>Why <paramref name="name"/> cannot be a dataset's folder name, or null when it can.</returns>
    public static string? NameProblem(string? name) =>
        string.IsNullOrEmpty(name) ? "the dataset name must not be empty"
        : name.Length > MaxNameLength ? $"the dataset name is {name.Length} characters, over the limit of {MaxNameLength}"
        : !NamePattern().IsMatch(name) || name.Contains("..", StringComparison.Ordinal)
            ? $"the dataset name \"{name}\" may hold only letters, digits, '-', '_' and '.' (no \"..\"), and must start with a letter or digit"
        : null;

    /// <returns>Why <paramref name="path"/> (a file's path inside the dataset folder) cannot be uploaded, or null when it can.</returns>
    public static string? PathProblem(string path)
    {
        if (path.Length == 0) return "a file has no name";
        if (path.Length > MaxPathLength) return $"the path is {path.Length} characters, over the limit of {MaxPathLength}";
        if (path.Contains('\\', StringComparison.Ordinal)) return "the path must use '/' between folders, not '\\'";
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0) return "the path has an empty folder name (leading, trailing or double '/')";
            if (segment is "." or "..") return "the path must not contain '.' or '..' folders";
            if (segment.StartsWith('.')) return "hidden files (names starting with '.') are not uploaded";
            if (!SegmentPattern().IsMatch(segment))
                return "names may hold only letters, digits, spaces and - _ . ( ) + , = @";
        }
        return null;
    }

    /// <summary>The largest a file at <paramref name="path"/> may be: the dataset's own limit for it, within the request's cap.</summary>
    public static long MaxBytes(string path, DatasetOptions options) => Math.Min(MaxDatasetBytes, path switch
    {
        DatasetFiles.Matchups => options.MaxCsvBytes,
        DatasetFiles.Order => options.MaxOrderJsonBytes,
        DatasetFiles.Zip => options.MaxZipBytes,
        _ => options.MaxImageBytes,
    });

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[\p{L}\p{N} ._()+,=@-]+$")]
    private static partial Regex SegmentPattern();
}

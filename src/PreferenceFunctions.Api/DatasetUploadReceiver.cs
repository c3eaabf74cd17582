using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PreferenceFunctions.Pipeline.Steps.Stage;

namespace PreferenceFunctions.Api;

/// <summary>
/// Streams the files of a multipart/form-data body (each part's file name is its path in the dataset folder) into a
/// local folder, refusing the first file whose path, size or count breaks <see cref="DatasetUploadRules"/>.
/// </summary>
internal static class DatasetUploadReceiver
{
    /// <returns>The relative paths written, or the problem naming the file and what is wrong with it.</returns>
    public static async Task<(IReadOnlyList<string> Files, long Bytes, IResult? Problem)> ReceiveAsync(HttpRequest request, string folder,
        DatasetOptions options, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return ([], 0, Problems.UnsupportedMediaType("Send the dataset's files as multipart/form-data, one part per file, " +
                "each with its path in the folder as the file name (matchups.csv, order.json, images.zip, images/a.png)."));
        }
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                return ([], 0, Problems.BadRequest("A part is not a file.", "Every part must be a file with its path as the file name."));
            var path = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
            if (DatasetUploadRules.PathProblem(path) is { } pathProblem) return ([], 0, FileProblem(path, pathProblem));
            if (!seen.Add(path)) return ([], 0, FileProblem(path, "the file is sent twice"));
            if (files.Count == DatasetUploadRules.MaxFiles)
                return ([], 0, FileProblem(path, $"a dataset uploaded here has at most {DatasetUploadRules.MaxFiles:N0} files; " +
                    "put the images into images.zip, or use the upload command"));
            var limit = Math.Min(DatasetUploadRules.MaxBytes(path, options), DatasetUploadRules.MaxDatasetBytes - total);
            var target = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var written = await CopyAtMostAsync(section.Body, target, limit, cancellationToken);
            if (written > limit)
            {
                return ([], 0, FileProblem(path, total + written > DatasetUploadRules.MaxDatasetBytes
                    ? $"the files add up to more than {DatasetUploadRules.MaxDatasetBytes:N0} bytes, the most one upload here takes; " +
                      "use the upload command for a bigger dataset"
                    : $"the file is over its limit of {limit:N0} bytes"));
            }
            total += written;
            files.Add(path);
        }
        if (!files.Contains(DatasetFiles.Matchups, StringComparer.Ordinal))
            return ([], 0, FileProblem(DatasetFiles.Matchups, "the dataset has no matchups.csv at its top level"));
        return (files, total, null);
    }

    private static IResult FileProblem(string path, string problem) =>
        Problems.Validation(path.Length == 0 ? "file" : path, $"{(path.Length == 0 ? "file" : path)}: {problem}.");

    /// <returns>The bytes written; more than <paramref name="limit"/> (by one buffer at most) when the part is too big.</returns>
    private static async Task<long> CopyAtMostAsync(Stream body, string target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long written = 0;
        await using var file = File.Create(target);
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            written += read;
            if (written > limit) return written;
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return written;
    }
}

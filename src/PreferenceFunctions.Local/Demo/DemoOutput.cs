using Azure.Storage.Blobs;
using PreferenceFunctions.Local.Client;

namespace PreferenceFunctions.Local.Demo;

/// <summary>
/// Writes a finished run into a folder: results.json (the raw Rapidata results document, as downloaded), matchups.csv and
/// models.csv (the table rows, rendered by the API's CSV code) and report.html when the run has a report.
/// </summary>
public static class DemoOutput
{
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, string runId, BlobClient rawResults, LocalApiClient api,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var resultsJson = Path.Combine(folder, "results.json");
        await rawResults.DownloadToAsync(resultsJson, cancellationToken);
        written.Add(resultsJson);
        written.Add(await WriteTextAsync(folder, "matchups.csv", await api.GetResultsTextAsync(runId, "csv", "matchups", cancellationToken), cancellationToken));
        written.Add(await WriteTextAsync(folder, "models.csv", await api.GetResultsTextAsync(runId, "csv", "models", cancellationToken), cancellationToken));
        if (await api.GetReportAsync(runId, cancellationToken) is { } report)
            written.Add(await WriteTextAsync(folder, "report.html", report, cancellationToken));
        return written;
    }

    private static async Task<string> WriteTextAsync(string folder, string name, string content, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, content, cancellationToken);
        return path;
    }
}

using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>The follow-up rounds of an adaptive run that have results (<c>{runId}/rounds/{nn}/results.json</c>), in round order;
/// none for other runs. The first order is round 1, so follow-ups are 2 and up.</summary>
internal static class RoundResultsListing
{
    public static async Task<IReadOnlyList<(int Round, string Folder)>> ListAsync(BlobContainerClient runs, string runId,
        CancellationToken cancellationToken)
    {
        var rounds = new List<(int Round, string Folder)>();
        await foreach (var blob in runs.GetBlobsAsync(new GetBlobsOptions { Prefix = RoundBlobs.Prefix(runId) }, cancellationToken))
        {
            if (!blob.Name.EndsWith("/" + RoundBlobs.ResultsFileName, StringComparison.Ordinal)) continue;
            var folder = blob.Name[..^(RoundBlobs.ResultsFileName.Length + 1)];
            rounds.Add((int.Parse(folder[(folder.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture), folder));
        }
        return [.. rounds.OrderBy(r => r.Round)];
    }
}

using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Listing;

/// <summary>
/// The dataset folder's blobs, listed once: the well-known files with their ETags and every other blob as a loose
/// image candidate (path relative to the folder), so no CSV row ever costs a storage call.
/// </summary>
internal sealed record BlobDatasetListing(BlobItem? Matchups, BlobItem? Zip, BlobItem? Order, IReadOnlyList<ImageEntry> LooseImages)
{
    public static async Task<BlobDatasetListing> ListAsync(BlobContainerClient container, string folder, CancellationToken cancellationToken)
    {
        BlobItem? matchups = null, zip = null, order = null;
        var loose = new List<ImageEntry>();
        if (!await container.ExistsAsync(cancellationToken)) return new BlobDatasetListing(null, null, null, loose);
        var prefix = folder + "/";
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            var relative = blob.Name[prefix.Length..];
            switch (relative)
            {
                case DatasetFiles.Matchups: matchups = blob; break;
                case DatasetFiles.Zip: zip = blob; break;
                case DatasetFiles.Order: order = blob; break;
                default: loose.Add(new ImageEntry(relative, ImageSource.Blob, blob.Properties.ContentLength, blob.Name)); break;
            }
        }
        return new BlobDatasetListing(matchups, zip, order, loose);
    }
}

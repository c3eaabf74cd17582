namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>What the upload phase did over all chunks so far, the Rapidata calls the chunks made among it; recorded on the
/// run row.</summary>
public sealed record UploadTotals(int Chunks, int AssetsUploaded, int AssetsReused, int DatapointsCreated,
    long RapidataCalls = 0, long RapidataRetries = 0)
{
    public static readonly UploadTotals None = new(0, 0, 0, 0);
}

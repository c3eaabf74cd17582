namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>What the upload phase did over all chunks; recorded on the run row.</summary>
public sealed record UploadTotals(int Chunks, int AssetsUploaded, int AssetsReused, int DatapointsCreated);

namespace PreferenceFunctions.Pipeline.Reports;

/// <summary>
/// Fetches the bytes of a dataset image by its reference (as in matchups.csv); null when it does not exist.
/// The report works with whatever the caller has: a local folder, a zip, blobs.
/// </summary>
public delegate Task<byte[]?> ImageLoader(string imagePath, CancellationToken cancellationToken);

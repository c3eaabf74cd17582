namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// One image the dataset can reference. <see cref="Path"/> is the normalised key ('/' separators, relative to the
/// dataset folder or the zip root); <see cref="Location"/> is how to open it (zip entry name as stored, blob name,
/// file path or URL). Compared by reference: the index hands out one instance per image.
/// </summary>
public sealed class ImageEntry(string path, ImageSource source, long? sizeBytes, string location)
{
    public string Path { get; } = path;
    public ImageSource Source { get; } = source;
    public long? SizeBytes { get; } = sizeBytes;
    public string Location { get; } = location;

    public string FileName => Path[(Path.LastIndexOf('/') + 1)..];

    public override string ToString() => Path;
}

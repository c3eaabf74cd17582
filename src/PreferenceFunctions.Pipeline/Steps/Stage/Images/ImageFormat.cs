namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>Image formats Rapidata accepts, recognised by their first bytes (not by file extension).</summary>
public enum ImageFormat
{
    Unknown,
    Png,
    Jpeg,
    WebP,
    Gif,
}

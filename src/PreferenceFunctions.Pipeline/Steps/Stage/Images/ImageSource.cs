namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>Where an image's bytes live.</summary>
public enum ImageSource
{
    /// <summary>An entry of the dataset's images.zip.</summary>
    Zip,

    /// <summary>A blob under the dataset folder.</summary>
    Blob,

    /// <summary>A file on the local disk (the <c>validate</c> command).</summary>
    File,

    /// <summary>An http(s) URL that Rapidata downloads itself (only when URL inputs are allowed).</summary>
    Url,
}

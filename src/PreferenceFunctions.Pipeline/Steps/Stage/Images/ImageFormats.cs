namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>Recognises PNG, JPEG, WebP and GIF by their magic bytes.</summary>
internal static class ImageFormats
{
    /// <summary>Bytes needed to tell the formats apart.</summary>
    public const int HeaderLength = 12;

    public static ImageFormat Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ImageFormat.Png;
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ImageFormat.Jpeg;
        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8)) return ImageFormat.Gif;
        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        return ImageFormat.Unknown;
    }

    /// <summary>The first bytes in hex, for a message about a file that is not an image.</summary>
    public static string Describe(ReadOnlySpan<byte> header) =>
        header.IsEmpty ? "it is empty" : $"it starts with {Convert.ToHexString(header[..Math.Min(8, header.Length)])}";
}

using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>Downscales images with SkiaSharp so a report with hundreds of pairs stays a few megabytes.</summary>
internal static class Thumbnails
{
    /// <summary>Pixels a single decode may produce unless told otherwise (40 megapixels: 160 MB of RGBA).</summary>
    public const long DefaultPixelBudget = 40_000_000;

    /// <summary>A JPEG data URI no larger than <paramref name="maxSide"/> on its longest side; null when the bytes are not an image
    /// or would decode to more than <paramref name="pixelBudget"/> pixels.</summary>
    public static string? ToDataUri(byte[] imageBytes, int maxSide, long pixelBudget = DefaultPixelBudget) =>
        ToDataUri(imageBytes, maxSide, pixelBudget, out _);

    /// <inheritdoc cref="ToDataUri(byte[], int, long)"/>
    public static string? ToDataUri(byte[] imageBytes, int maxSide, long pixelBudget, out bool overBudget)
    {
        using var image = Decode(imageBytes, maxSide, pixelBudget, out overBudget);
        if (image is null) return null;
        using var data = Draw(image, Fit(image.Width, image.Height, maxSide)).Encode(SKEncodedImageFormat.Jpeg, 82);
        return "data:image/jpeg;base64," + Convert.ToBase64String(data.AsSpan());
    }

    /// <summary>
    /// A decode sized for a <paramref name="maxSide"/> thumbnail: the header is read first; an image whose decode would
    /// exceed <paramref name="pixelBudget"/> pixels is never decoded (null, as for bytes no codec recognises); codecs that
    /// can scale while decoding (JPEG, WebP) decode straight to the nearest size at or above the thumbnail.
    /// </summary>
    public static SKImage? Decode(byte[] imageBytes, int maxSide, long pixelBudget = DefaultPixelBudget) =>
        Decode(imageBytes, maxSide, pixelBudget, out _);

    /// <inheritdoc cref="Decode(byte[], int, long)"/>
    public static SKImage? Decode(byte[] imageBytes, int maxSide, long pixelBudget, out bool overBudget)
    {
        overBudget = false;
        using var data = SKData.CreateCopy(imageBytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        var full = codec.Info;
        var scaled = codec.GetScaledDimensions(Math.Min(1f, (float)maxSide / Math.Max(1, Math.Max(full.Width, full.Height))));
        if (scaled.Width <= 0 || scaled.Height <= 0) scaled = new SKSizeI(full.Width, full.Height);
        overBudget = (long)scaled.Width * scaled.Height > pixelBudget;
        if (overBudget) return null;
        var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.InvalidScale)
        {
            overBudget = (long)full.Width * full.Height > pixelBudget;
            if (overBudget) return null;
            info = new SKImageInfo(full.Width, full.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
            using var whole = new SKBitmap(info);
            return codec.GetPixels(info, whole.GetPixels()) is SKCodecResult.Success or SKCodecResult.IncompleteInput ? SKImage.FromBitmap(whole) : null;
        }
        return result is SKCodecResult.Success or SKCodecResult.IncompleteInput ? SKImage.FromBitmap(bitmap) : null;
    }

    /// <summary>The image scaled to the size, over white (JPEG has no transparency).</summary>
    public static SKImage Draw(SKImage image, SKSizeI size)
    {
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.DrawImage(image, new SKRect(0, 0, size.Width, size.Height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return surface.Snapshot();
    }

    public static SKSizeI Fit(int width, int height, int maxSide)
    {
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(width, height));
        return new SKSizeI(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}

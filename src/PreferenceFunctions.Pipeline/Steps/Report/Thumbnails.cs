using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>Downscales images with SkiaSharp so a report with hundreds of pairs stays a few megabytes.</summary>
internal static class Thumbnails
{
    /// <summary>A JPEG data URI no larger than <paramref name="maxSide"/> on its longest side; null when the bytes are not an image.</summary>
    public static string? ToDataUri(byte[] imageBytes, int maxSide)
    {
        using var image = Decode(imageBytes);
        if (image is null) return null;
        using var data = Draw(image, Fit(image.Width, image.Height, maxSide)).Encode(SKEncodedImageFormat.Jpeg, 82);
        return "data:image/jpeg;base64," + Convert.ToBase64String(data.AsSpan());
    }

    public static SKImage? Decode(byte[] imageBytes)
    {
        // SKBitmap.Decode throws on bytes no codec recognises; asking for a codec first gives null instead.
        using var data = SKData.CreateCopy(imageBytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        using var bitmap = SKBitmap.Decode(codec);
        return bitmap is null ? null : SKImage.FromBitmap(bitmap);
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

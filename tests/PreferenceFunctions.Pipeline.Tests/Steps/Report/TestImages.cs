using SkiaSharp;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Report;

/// <summary>Real PNG bytes for report tests: a solid colour with a white square so scaling is visible.</summary>
internal static class TestImages
{
    public static byte[] Png(SKColor color, int width = 640, int height = 640)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(color);
        using var white = new SKPaint { Color = SKColors.White };
        surface.Canvas.DrawRect(width / 8f, height / 8f, width / 8f, height / 8f, white);
        using var data = surface.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static SKColor PixelAt(byte[] png, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(png);
        return bitmap.GetPixel(x, y);
    }
}

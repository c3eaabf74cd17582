namespace PreferenceFunctions.Rapidata.Models;

/// <summary>Optional server-side compression of an upload (query parameters of <c>POST /asset/file</c>).</summary>
/// <param name="Compress">Force compression on or off; null keeps the server's default.</param>
/// <param name="Quality">WebP quality 1..100 when compressing.</param>
/// <param name="MaxDimension">Maximum width or height in pixels when compressing.</param>
public sealed record AssetUploadOptions(bool? Compress = null, int? Quality = null, int? MaxDimension = null);

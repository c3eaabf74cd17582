using Azure;
using Azure.Data.Tables;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// <c>MediaAssets</c>: content already uploaded to Rapidata (PartitionKey = first hex digit of the SHA-256, RowKey = the
/// SHA-256 and a short hash of the API's base URL), so identical images upload once across chunks, runs and hosts, and the
/// emulator and the real API (which do not share assets) can use one storage account. Sixteen partitions let a chunk's
/// new images be saved a partition at a time (<see cref="MediaAssetCache"/>); rows of the earlier two-digit
/// layout are not found, so such an image uploads once more.
/// </summary>
public sealed class MediaAssetEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The <c>fileName</c> Rapidata returned; datapoints reference it.</summary>
    public string AssetName { get; set; } = "";

    /// <summary>The file name sent with the upload; Rapidata's results key votes by it.</summary>
    public string OriginalFileName { get; set; } = "";

    public long SizeBytes { get; set; }

    /// <summary>The Rapidata API the asset lives in; the emulator and the real API do not share assets.</summary>
    public string ApiBaseUrl { get; set; } = "";

    public static string PartitionFor(string sha256) => sha256[..1];

    public static string RowKeyFor(string sha256, string apiKey) => $"{sha256}-{apiKey}";

    /// <summary>The content's SHA-256, from the row key.</summary>
    public static string Sha256Of(MediaAssetEntity asset) => asset.RowKey[..asset.RowKey.LastIndexOf('-')];

    /// <summary>Eight hex digits identifying a Rapidata API by its base URL.</summary>
    public static string ApiKeyFor(Uri apiBaseUrl) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiBaseUrl.ToString())))[..8];
}

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Run ids are derived, never random: the same dataset version (path + the CSV blob's ETag) always maps to the
/// same id, so a redelivered event or a second trigger for the same blob starts nothing new.
/// </summary>
public static partial class RunIds
{
    public static string ForDatasetVersion(string datasetsContainer, string datasetFolder, string csvETag) =>
        Build(datasetFolder, $"{datasetsContainer}/{datasetFolder}/matchups.csv|{csvETag.Trim('"')}");

    /// <summary>
    /// An HTTP start with an <c>Idempotency-Key</c> header maps to one run per container, full folder and key (the
    /// readable prefix of the id folds <c>team/a</c> and <c>team-a</c> together; the hash never does).
    /// </summary>
    public static string ForIdempotencyKey(string datasetsContainer, string datasetFolder, string idempotencyKey) =>
        Build(datasetFolder, $"key|{datasetsContainer}/{datasetFolder}|{idempotencyKey}");

    private static string Build(string datasetFolder, string identity)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        var name = NotAllowed().Replace(datasetFolder.ToLowerInvariant(), "-").Trim('-');
        if (name.Length > 40) name = name[..40].TrimEnd('-');
        return name.Length == 0 ? hash : $"{name}-{hash}";
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAllowed();
}

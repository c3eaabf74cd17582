using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// What makes two runs the same order: every staged matchup (id, prompt, both images by content hash, models,
/// private metadata), the audience's qualification examples by content hash, and the resolved settings (the order name
/// aside). Equal fingerprints mean a re-upload of byte-identical content.
/// </summary>
internal static class DatasetFingerprint
{
    /// <param name="scope">Where the dataset lives (container/folder): only re-uploads to the same place count as repeats.</param>
    public static string Of(string scope, DatasetCheckResult check)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text ?? ""));
            hash.AppendData([0]);
        }
        Add(scope);
        Add(JsonSerializer.Serialize(check.Settings with { Name = "", Rerun = false }));
        foreach (var row in check.Staged)
        {
            Add(MatchupIds.Of(row));
            Add(row.Prompt);
            Add(check.Facts.TryGetValue(row.Image1, out var first) ? first.Sha256 : row.Image1.Location);
            Add(check.Facts.TryGetValue(row.Image2, out var second) ? second.Sha256 : row.Image2.Location);
            Add(row.Model1);
            Add(row.Model2);
            foreach (var value in row.Metadata ?? []) Add(value);
        }
        // The settings name the example images by path only: an example image replaced in place is a new dataset too.
        foreach (var example in check.AudienceExamples)
        {
            Add(check.Facts.TryGetValue(example.Image1, out var first) ? first.Sha256 : example.Image1.Location);
            Add(check.Facts.TryGetValue(example.Image2, out var second) ? second.Sha256 : example.Image2.Location);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

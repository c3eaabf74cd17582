using System.Security.Cryptography;
using System.Text;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>A matchup id from the row's content when the CSV has no <c>id</c>: the same row always gets the same id.</summary>
internal static class MatchupIds
{
    /// <summary>The row's own id, else the one derived from its content.</summary>
    public static string Of(MatchupRow row) => row.Id ?? Derive(row.Prompt, row.Image1.Path, row.Image2.Path);

    public static string Derive(string prompt, string image1Path, string image2Path)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{prompt}\n{image1Path}\n{image2Path}"));
        return "m-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}

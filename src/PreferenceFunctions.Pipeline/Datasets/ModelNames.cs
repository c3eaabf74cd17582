using System.Text.RegularExpressions;

namespace PreferenceFunctions.Pipeline.Datasets;

/// <summary>
/// Which model made an image, when the dataset does not say: the first folder of its path, else its file name
/// without the seed post's trailing <c>_&lt;n&gt;_&lt;m&gt;</c> (<c>stable_diffusion_12_0.png</c> -> <c>stable_diffusion</c>).
/// </summary>
public static partial class ModelNames
{
    public static string FromImagePath(string imagePath)
    {
        var path = imagePath.Replace('\\', '/').TrimStart('/');
        if (path.StartsWith("images/", StringComparison.OrdinalIgnoreCase)) path = path["images/".Length..];
        var slash = path.IndexOf('/');
        if (slash > 0) return path[..slash];
        var stem = Path.GetFileNameWithoutExtension(path);
        var match = TrailingIndexes().Match(stem);
        return match.Success && match.Index > 0 ? stem[..match.Index] : stem;
    }

    [GeneratedRegex(@"_\d+_\d+$")]
    private static partial Regex TrailingIndexes();
}

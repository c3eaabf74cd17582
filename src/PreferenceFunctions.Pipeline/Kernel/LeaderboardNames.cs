using System.Text.RegularExpressions;

namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>
/// What a leaderboard may be called: 1 to 63 letters, digits, '-', '_' or '.', starting with a letter or digit. The name
/// is the leaderboard's partition key and part of its URL, so it needs no escaping anywhere.
/// </summary>
public static partial class LeaderboardNames
{
    public const int MaxLength = 63;

    /// <returns>Why <paramref name="name"/> is not a valid leaderboard name, or null when it is.</returns>
    public static string? Problem(string? name) =>
        string.IsNullOrEmpty(name) ? "a leaderboard name must not be empty"
        : name.Length > MaxLength ? $"\"{Shorten(name)}\" is {name.Length} characters, over the limit of {MaxLength}"
        : !Pattern().IsMatch(name) ? $"\"{Shorten(name)}\" may hold only letters, digits, '-', '_' and '.', and must start with a letter or digit"
        : null;

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..80] + "...";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Pattern();
}

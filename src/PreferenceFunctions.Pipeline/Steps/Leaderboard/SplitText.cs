using System.Globalization;
using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>A pair's splits in one table column: <c>votes1:votes2:matchups</c>, separated by spaces.</summary>
internal static class SplitText
{
    public static string Format(IEnumerable<MatchupSplit> splits) =>
        string.Join(' ', splits.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Votes1}:{s.Votes2}:{s.Matchups}")));

    public static IReadOnlyList<MatchupSplit> Parse(string? text) =>
        [.. (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var numbers = part.Split(':');
            if (numbers.Length != 3) throw new FormatException($"Leaderboard split \"{part}\" is not votes1:votes2:matchups.");
            return new MatchupSplit(int.Parse(numbers[0], CultureInfo.InvariantCulture), int.Parse(numbers[1], CultureInfo.InvariantCulture),
                int.Parse(numbers[2], CultureInfo.InvariantCulture));
        })];
}

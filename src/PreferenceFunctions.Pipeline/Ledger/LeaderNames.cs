using System.Text.Json;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>The run row's <c>Leaders</c> column: model names as a JSON array (names may hold commas).</summary>
public static class LeaderNames
{
    public static string? Format(IReadOnlyList<string>? leaders) => leaders is null ? null : JsonSerializer.Serialize(leaders);

    /// <summary>The names, or null for a row written before the column existed or a run without results.</summary>
    public static IReadOnlyList<string>? Parse(string? column)
    {
        if (string.IsNullOrEmpty(column)) return null;
        try
        {
            return JsonSerializer.Deserialize<List<string>>(column);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

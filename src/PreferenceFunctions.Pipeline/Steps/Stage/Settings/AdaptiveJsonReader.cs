using System.Text.Json;
using System.Text.Json.Nodes;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// Reads order.json's <c>"adaptive"</c> object: <c>rounds</c>, <c>extraResponses</c>, <c>maxExtraVotes</c>, <c>stop</c>
/// (<c>"ranking"</c>, <c>"pairs"</c> or <c>"budget"</c>), each optional with a default. Every problem names the field.
/// </summary>
internal static class AdaptiveJsonReader
{
    private static readonly string[] Keys = ["rounds", "extraResponses", "maxExtraVotes", "stop"];

    public static AdaptiveSettings? Read(JsonNode node, string source, ProblemList problems)
    {
        void Bad(string field, string message) =>
            problems.Error(ProblemCodes.OrderSetting, source, $"{source}, field adaptive.{field}: {message}", column: "adaptive");

        if (node is not JsonObject obj)
        {
            problems.Error(ProblemCodes.OrderSetting, source,
                $"{source}, field adaptive: expected an object like {{ \"rounds\": 3, \"extraResponses\": 10 }}", column: "adaptive");
            return null;
        }
        foreach (var key in obj.Select(p => p.Key).Where(k => !Keys.Contains(k, StringComparer.OrdinalIgnoreCase)))
            Bad(key, $"unknown key; known keys: {string.Join(", ", Keys)}");

        int Whole(string key, int fallback, int min, int max)
        {
            var value = obj.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
            if (value is null) return fallback;
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<int>(out var number))
            {
                Bad(key, $"expected a whole number, got {value.ToJsonString()}");
                return fallback;
            }
            if (number < min || number > max) Bad(key, $"{number} is outside {min}..{max}");
            return number;
        }

        var rounds = Whole("rounds", AdaptiveSettings.DefaultRounds, 2, AdaptiveSettings.MaxRounds);
        var extra = Whole("extraResponses", AdaptiveSettings.DefaultExtraResponses, 1, OrderSettingsResolver.MaxResponses);
        var budget = Whole("maxExtraVotes", AdaptiveSettings.DefaultMaxExtraVotes, 1, int.MaxValue);
        var stopNode = obj.FirstOrDefault(p => string.Equals(p.Key, "stop", StringComparison.OrdinalIgnoreCase)).Value;
        var stop = AdaptiveStop.Ranking;
        if (stopNode is not null)
        {
            var text = stopNode is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;
            if (string.Equals(text, "pairs", StringComparison.OrdinalIgnoreCase)) stop = AdaptiveStop.Pairs;
            else if (string.Equals(text, "budget", StringComparison.OrdinalIgnoreCase)) stop = AdaptiveStop.Budget;
            else if (!string.Equals(text, "ranking", StringComparison.OrdinalIgnoreCase))
                Bad("stop", $"expected \"ranking\", \"pairs\" or \"budget\", got {stopNode.ToJsonString()}");
        }
        return new AdaptiveSettings(rounds, extra, budget, stop);
    }
}

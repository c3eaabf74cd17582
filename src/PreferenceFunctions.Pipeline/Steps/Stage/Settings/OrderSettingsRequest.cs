using System.Text.Json.Nodes;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// The <c>settings</c> of an HTTP start, checked at request time with order.json's rules: unknown keys, wrong types
/// and values out of range are problems naming the field, so a typo never runs with a default.
/// </summary>
public static class OrderSettingsRequest
{
    public const string Source = "settings";

    /// <summary>The overrides, and every problem found (empty when they are usable).</summary>
    public static OrderSettingsOverrides Read(JsonObject settings, out IReadOnlyList<DatasetProblem> problems)
    {
        var list = new ProblemList(100);
        var overrides = OrderJsonReader.Read(settings, Source, list);
        if (list.ErrorCount == 0) OrderSettingsResolver.Check(overrides, Source, list);
        problems = list.Listed;
        return overrides;
    }
}

using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// Which Rapidata flow a run uses: <c>"flow"</c> when order.json or the request names one; else the order flow when a
/// validation set is named (the seed's setup: validation sets belong to orders); else <c>Preference:Flow</c> (Jobs).
/// Keys of the other flow are errors that say where they belong: <c>validationSetId</c> and <c>filters</c> to orders,
/// <c>audience</c> to jobs (a job's filters live on its audience).
/// </summary>
internal static class FlowChoice
{
    public static RapidataFlow Resolve(PreferenceOptions defaults, OrderSettingsOverrides? file, OrderSettingsOverrides? request,
        ProblemList problems)
    {
        OrderSettingsOverrides[] layers = [.. new[] { file, request }.OfType<OrderSettingsOverrides>()];
        var named = layers.Select(o => o.Flow).LastOrDefault(f => f is not null);
        RapidataFlow? explicitFlow = named?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "orders" or "order" => RapidataFlow.Orders,
            "jobs" or "job" => RapidataFlow.Jobs,
            _ => Unknown(named, problems),
        };
        var validationSet = layers.Any(o => o.ValidationSetId is not null);
        var flow = explicitFlow ?? (validationSet || defaults.ValidationSetId is not null ? RapidataFlow.Orders : defaults.Flow);

        foreach (var (layer, source) in new[] { (file, OrderJsonReader.FileName), (request, OrderSettingsResolver.RequestSource) })
        {
            if (layer is null) continue;
            if (flow == RapidataFlow.Jobs && layer.ValidationSetId is not null)
                Error(problems, source, "validationSetId", "validation sets belong to the order flow, but this run uses the job flow " +
                    "(\"flow\": \"jobs\"); leave validationSetId out and qualify labelers with a custom audience's examples, or use \"flow\": \"orders\"");
            if (flow == RapidataFlow.Jobs && layer.Filters is { Count: > 0 })
                Error(problems, source, "filters", "in the job flow filters belong to the audience: " +
                    "\"audience\": { \"name\": \"...\", \"filters\": [...] }; top-level filters are for the order flow (\"flow\": \"orders\")");
            if (flow == RapidataFlow.Orders && layer.Audience is not null)
                Error(problems, source, "audience", "audiences belong to the job flow, but this run uses the order flow " +
                    $"({(explicitFlow is null ? "chosen by its validation set" : "\"flow\": \"orders\"")}); use filters and validationSetId instead");
        }
        return flow;
    }

    private static RapidataFlow? Unknown(string value, ProblemList problems)
    {
        Error(problems, OrderJsonReader.FileName, "flow", $"\"{value}\" is not a flow; expected \"jobs\" or \"orders\"");
        return null;
    }

    private static void Error(ProblemList problems, string source, string field, string message) =>
        problems.Error(ProblemCodes.OrderSetting, source, $"{source}, field {field}: {message}", column: field);
}

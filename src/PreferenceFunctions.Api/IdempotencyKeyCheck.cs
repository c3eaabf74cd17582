using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PreferenceFunctions.Pipeline.Runs;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Api;

/// <summary>
/// A start that reuses an <c>Idempotency-Key</c> must repeat the first request: the same key with other settings is
/// a 422 naming the settings that differ, never the old run silently answered for a different request.
/// </summary>
public static class IdempotencyKeyCheck
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Null when the run does not exist yet or was started with the same settings; else the 422.</summary>
    public static async Task<IResult?> CheckAsync(DurableTaskClient client, string runId, string key, OrderSettingsOverrides? settings,
        CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken);
        if (instance?.ReadInputAs<RunRequest>() is not { } first) return null;
        var differences = Differences(first.Overrides, settings);
        if (differences.Count == 0) return null;
        return Problems.Unprocessable("Idempotency-Key reused with different settings",
            $"The {RunsApi.IdempotencyKeyHeader} \"{key}\" started run {runId} with other settings; these differ: {string.Join(", ", differences)}. " +
            "Use a new key for a different request.");
    }

    /// <summary>The settings keys whose values differ (order of keys inside objects does not matter).</summary>
    public static IReadOnlyList<string> Differences(OrderSettingsOverrides? first, OrderSettingsOverrides? now)
    {
        var a = Canonical(first);
        var b = Canonical(now);
        return [.. a.Keys.Union(b.Keys).Order(StringComparer.Ordinal)
            .Where(k => !string.Equals(a.GetValueOrDefault(k), b.GetValueOrDefault(k), StringComparison.Ordinal))];
    }

    private static Dictionary<string, string> Canonical(OrderSettingsOverrides? settings)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (settings is null || JsonSerializer.SerializeToNode(settings, Json) is not JsonObject obj) return result;
        foreach (var (key, value) in obj)
            if (value is not null) result[key] = Sorted(value).ToJsonString();
        return result;
    }

    private static JsonNode Sorted(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(n => n is null ? null : Sorted(n))]),
        _ => node.DeepClone(),
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// Resolves the order's settings: app defaults, then order.json, then the HTTP start's overrides.
/// Each source is checked on its own so a problem names where it came from ("order.json" or "request").
/// </summary>
internal static class OrderSettingsResolver
{
    public const int MaxCriteriaLength = 250;
    public const int MaxResponses = 1000;
    public const string RequestSource = "request";

    public static OrderSettings Resolve(PreferenceOptions defaults, string datasetFolder, OrderSettingsOverrides? file, OrderSettingsOverrides? request, ProblemList problems)
    {
        if (file is not null) Check(file, OrderJsonReader.FileName, problems);
        if (request is not null) Check(request, RequestSource, problems);
        OrderSettingsOverrides[] layers = [.. new[] { file, request }.OfType<OrderSettingsOverrides>()];
        T? Last<T>(Func<OrderSettingsOverrides, T?> pick) => layers.Select(pick).LastOrDefault(v => v is not null);

        var responses = Last(o => o.ResponsesPerMatchup) ?? defaults.ResponsesPerMatchup;
        var quorum = Last(o => o.QuorumThreshold);
        var confidence = Last(o => o.ConfidenceThreshold);
        if (quorum is not null && confidence is not null)
            problems.Error(ProblemCodes.OrderSetting, OrderJsonReader.FileName, "quorumThreshold and confidenceThreshold are mutually exclusive; set one of them", column: "quorumThreshold");
        if (quorum > responses)
            problems.Error(ProblemCodes.OrderSetting, OrderJsonReader.FileName, $"quorumThreshold {quorum} is more than responsesPerMatchup {responses}", column: "quorumThreshold");
        var referee = quorum is not null ? new RefereeSettings(RefereeKind.Quorum, quorum)
            : confidence is not null ? new RefereeSettings(RefereeKind.EarlyStopping, confidence)
            : new RefereeSettings(RefereeKind.Naive, null);

        var flow = FlowChoice.Resolve(defaults, file, request, problems);
        var audience = flow == RapidataFlow.Jobs
            ? (file?.Audience is { } fileAudience ? AudienceJsonReader.Read(fileAudience, OrderJsonReader.FileName, problems) : null)
              ?? (request?.Audience is { } requestAudience ? AudienceJsonReader.Read(requestAudience, RequestSource, problems) : null)
              ?? new AudienceSettings(defaults.Audience)
            : null;
        return new OrderSettings(
            Name: Last(o => o.Name) ?? LastSegment(datasetFolder),
            Criteria: Last(o => o.Criteria) ?? defaults.Criteria,
            ResponsesPerMatchup: responses,
            ValidationSetId: flow == RapidataFlow.Orders ? Last(o => o.ValidationSetId) ?? defaults.ValidationSetId : null,
            Sample: Last(o => o.Sample),
            Seed: Last(o => o.Seed),
            Filters: Last(o => o.Filters) ?? [],
            FeatureFlags: Flags(layers.Select(o => o.Settings).OfType<JsonObject>()),
            Referee: referee,
            Webhook: Last(o => o.Webhook),
            Flow: flow,
            Audience: audience,
            Leaderboard: Last(o => o.Leaderboard),

            Rerun: Last(o => o.Rerun) ?? false,
            Adaptive: Adaptive(file, request, problems));
    }

    /// <summary>Each field's own rules (ranges, lengths, filters, settings, webhook URL); cross-field rules wait for <see cref="Resolve"/>.</summary>
    public static void Check(OrderSettingsOverrides o, string source, ProblemList problems)
    {
        void Bad(string field, string message) =>
            problems.Error(ProblemCodes.OrderSetting, source, $"{source}, field {field}: {message}", column: field);

        if (o.Name is { } name && (name.Trim().Length == 0 || name.Length > 200)) Bad("name", "must be 1 to 200 characters");
        if (o.Criteria is { } criteria && (criteria.Trim().Length == 0 || criteria.Length > MaxCriteriaLength))
            Bad("criteria", $"{criteria.Length} characters; it must be 1 to {MaxCriteriaLength} (Rapidata's limit for an instruction)");
        if (o.ResponsesPerMatchup is < 1 or > MaxResponses) Bad("responsesPerMatchup", $"{o.ResponsesPerMatchup} is outside 1..{MaxResponses}");
        if (o.ValidationSetId is { } set && set.Trim().Length == 0) Bad("validationSetId", "must not be empty (leave it out for none)");
        if (o.Sample is < 1) Bad("sample", $"{o.Sample} must be at least 1");
        if (o.QuorumThreshold is < 1) Bad("quorumThreshold", $"{o.QuorumThreshold} must be at least 1");
        if (o.ConfidenceThreshold is <= 0 or >= 1) Bad("confidenceThreshold", $"{o.ConfidenceThreshold} must be between 0 and 1 (e.g. 0.99)");
        if (o.Webhook is { } hook && WebhookAddresses.Problem(hook) is { } why)
            Bad("webhook", $"\"{WebhookAddresses.Redact(hook)}\" {why}");
        if (o.Leaderboard is not null && LeaderboardNames.Problem(o.Leaderboard) is { } badName) Bad("leaderboard", badName);
        for (var i = 0; i < (o.Filters?.Count ?? 0); i++)
            foreach (var message in FilterRules.Check(o.Filters![i], $"filters[{i}]"))
                problems.Error(ProblemCodes.OrderSetting, source, $"{source}, {message}", column: "filters");
        foreach (var (key, value) in o.Settings ?? [])
        {
            var flag = SettingFlags.KeyFor(key);
            if (flag is null) Bad($"settings.{key}", $"unknown setting; known settings: {string.Join(", ", SettingFlags.ByName.Keys)}");
            else if (FlagValue(flag, value) is null)
                Bad($"settings.{key}", flag == SettingFlags.CompareUnsure
                    ? $"expected a delay in milliseconds (a number, e.g. 1000), got {value?.ToJsonString() ?? "null"}"
                    : $"expected true/false, a number or a string, got {value?.ToJsonString() ?? "null"}");
        }
    }

    /// <summary>The request's <c>adaptive</c> object replaces order.json's as a whole.</summary>
    private static AdaptiveSettings? Adaptive(OrderSettingsOverrides? file, OrderSettingsOverrides? request, ProblemList problems) =>
        request?.Adaptive is { } fromRequest ? AdaptiveJsonReader.Read(fromRequest, RequestSource, problems)
        : file?.Adaptive is { } fromFile ? AdaptiveJsonReader.Read(fromFile, OrderJsonReader.FileName, problems)
        : null;

    private static IReadOnlyList<FeatureFlag> Flags(IEnumerable<JsonObject> settings)
    {
        var flags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings.SelectMany(s => s))
        {
            if (SettingFlags.KeyFor(key) is { } flag && FlagValue(flag, value) is { } text) flags[flag] = text;
        }
        return [.. flags.Select(f => new FeatureFlag(f.Key, f.Value))];
    }

    private static string? FlagValue(string flag, JsonNode? value) => value is JsonValue v ? v.GetValueKind() switch
    {
        JsonValueKind.Number => v.GetValue<double>() >= 0 || flag != SettingFlags.CompareUnsure ? v.GetValue<double>().ToString(CultureInfo.InvariantCulture) : null,
        JsonValueKind.True when flag != SettingFlags.CompareUnsure => "true",
        JsonValueKind.False when flag != SettingFlags.CompareUnsure => "false",
        JsonValueKind.String when flag != SettingFlags.CompareUnsure => v.GetValue<string>(),
        _ => null,
    } : null;

    private static string LastSegment(string folder) =>
        folder.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? folder;
}

using System.Text.Json.Nodes;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// The order a run creates, fully resolved: app defaults, then order.json, then the HTTP start's overrides.
/// Small on purpose: it travels through orchestration history.
/// </summary>
public sealed record OrderSettings(
    string Name,
    string Criteria,
    int ResponsesPerMatchup,
    string? ValidationSetId,
    int? Sample,
    int? Seed,
    IReadOnlyList<JsonObject> Filters,
    IReadOnlyList<FeatureFlag> FeatureFlags,
    RefereeSettings Referee,
    string? Webhook,
    bool Rerun = false);

using System.Text.Json.Nodes;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// The order (or job) a run creates, fully resolved: app defaults, then order.json, then the HTTP start's overrides.
/// <see cref="Flow"/> defaults to Orders only so that settings recorded before the job flow read as what they were.
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
    RapidataFlow Flow = RapidataFlow.Orders,
    AudienceSettings? Audience = null,
    string? Leaderboard = null,

    bool Rerun = false,
    AdaptiveSettings? Adaptive = null);

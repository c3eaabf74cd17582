using System.Text.Json.Nodes;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// The fields of order.json, all optional; also what an HTTP start may override.
/// <see cref="Filters"/> are Rapidata user filters as the API names them (each with <c>_t</c>);
/// <see cref="Settings"/> maps a setting name (e.g. <c>AllowNeitherBoth</c>) or flag key to its value.
/// </summary>
public sealed record OrderSettingsOverrides
{
    public string? Name { get; init; }
    public string? Criteria { get; init; }
    public int? ResponsesPerMatchup { get; init; }
    public string? ValidationSetId { get; init; }
    public int? Sample { get; init; }
    public int? Seed { get; init; }
    public IReadOnlyList<JsonObject>? Filters { get; init; }
    public JsonObject? Settings { get; init; }
    public int? QuorumThreshold { get; init; }
    public double? ConfidenceThreshold { get; init; }
    public string? Webhook { get; init; }

    /// <summary><c>orders</c> or <c>jobs</c>: which Rapidata flow the run uses (see <see cref="Kernel.RapidataFlow"/>).</summary>
    public string? Flow { get; init; }

    /// <summary>The job flow's audience: <c>"global"</c>, an audience id, or a custom audience object.</summary>
    public JsonNode? Audience { get; init; }

    /// <summary>Order again although a run with byte-identical matchups, images and settings completed before.</summary>
    public bool? Rerun { get; init; }

    /// <summary>The leaderboard this run's votes are added to once it completes (see <see cref="Kernel.LeaderboardNames"/>).</summary>
    public string? Leaderboard { get; init; }
    /// <summary>Adaptive rounds: <c>{ "rounds", "extraResponses", "maxExtraVotes", "stop" }</c> (see <see cref="AdaptiveSettings"/>).</summary>
    public JsonNode? Adaptive { get; init; }

    /// <summary>The JSON key of every field, as order.json spells it.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "name", "criteria", "responsesPerMatchup", "validationSetId", "sample", "seed",
        "filters", "settings", "quorumThreshold", "confidenceThreshold", "webhook", "flow", "audience", "rerun", "leaderboard", "adaptive",
    ];
}

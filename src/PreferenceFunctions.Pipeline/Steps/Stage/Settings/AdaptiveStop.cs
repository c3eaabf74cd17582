using System.Text.Json.Serialization;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>Which matchups an adaptive round tops up (order.json <c>adaptive.stop</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdaptiveStop>))]
public enum AdaptiveStop
{
    /// <summary>Matchups between models whose score intervals overlap: the ranking is not settled yet.</summary>
    Ranking,

    /// <summary>Matchups whose own 95% Wilson interval still contains 0.5: the pair's winner is not settled yet.</summary>
    Pairs,

    /// <summary>Spend the whole extra-vote budget: every round tops up the matchups that most lower the expected number
    /// of swapped model pairs, whether or not the intervals still overlap.</summary>
    Budget,
}

using System.Text.Json.Serialization;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>How a round ended. Only <see cref="Collected"/> adds votes; every other outcome also ends the rounds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoundOutcome>))]
public enum RoundOutcome
{
    /// <summary>The round's order completed and its votes were downloaded.</summary>
    Collected,

    /// <summary>No matchup was uncertain any more: nothing was ordered.</summary>
    NothingUncertain,

    /// <summary>The extra-vote budget left did not pay for one more matchup: nothing was ordered.</summary>
    BudgetSpent,

    /// <summary>The round's order failed, or the deadline passed; the run keeps the votes it has.</summary>
    Failed,

    /// <summary>The user cancelled the run during the round; its order was stopped.</summary>
    Cancelled,
}

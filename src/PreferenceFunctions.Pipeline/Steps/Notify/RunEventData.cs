using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>The CloudEvent's <c>data</c>: the run summary. Null members are left out of the JSON.</summary>
/// <param name="Status">The run's status as stored on the run row (for example <c>Completed</c>).</param>
/// <param name="Phase">The phase the run was in when the event was raised (a failed run says where it failed).</param>
/// <param name="Counts">Named counts, for example <c>matchups</c>, <c>votes</c>, <c>rejectedRows</c>.</param>
/// <param name="WinnerModel">The model whose interval lies wholly above every other's, once results exist; null when tied.</param>
/// <param name="Leaders">The models tied at the top (one when there is a winner), once results exist.</param>
/// <param name="Error">Why the run failed or the dataset was rejected.</param>
public sealed record RunEventData(
    string RunId,
    string Dataset,
    RunStatus Status,
    RunPhase Phase,
    string? OrderId = null,
    int? MatchupCount = null,
    IReadOnlyDictionary<string, int>? Counts = null,
    string? WinnerModel = null,
    string? Error = null,
    RunEventLinks? Links = null,
    IReadOnlyList<string>? Leaders = null);

using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// The order's state as Rapidata reports it; <see cref="RawState"/> keeps the text of a state this version does not know,
/// and a job's own state (AudienceJobState, e.g. ManualApproval, SpendLimited) beside the order state it maps to.
/// <see cref="Message"/> is what the run's status says while waiting, when the step knows better than a generic line;
/// <see cref="CrowdDone"/> of <see cref="CrowdTotal"/> matchups are decided, when Rapidata reports progress.
/// </summary>
public sealed record OrderStatus(OrderState State, string RawState, string? FailureMessage, string? Message = null,
    int? CrowdDone = null, int? CrowdTotal = null);

using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Jobs;

/// <summary>
/// A job runs on the order state machine; its AudienceJobState (order.openapi.json) is read off the order state:
/// Submitted (in review), ManualApproval (held for review, POST /job/{id}/approve), Queued, Running (the crowd votes),
/// Paused, SpendLimited (out of funds, POST /job/{id}/resume), StaleResults (POST /job/{id}/retry), Completed, Failed.
/// </summary>
internal static class JobStates
{
    public static string Of(string orderState) => orderState switch
    {
        OrderStates.ManualReview => "ManualApproval",
        OrderStates.Processing => "Running",
        OrderStates.Queued => "Queued",
        OrderStates.Paused => "Paused",
        OrderStates.Completed => "Completed",
        OrderStates.Failed => "Failed",
        OrderStates.StaleResults => "StaleResults",
        OrderStates.SpendLimited => "SpendLimited",
        _ => "Submitted", // Created, Preview, Submitted: a job starts submitted and is reviewed first
    };

    /// <summary>The LabelingState of GET /job/{jobId}/progress.</summary>
    public static string LabelingOf(string orderState) => orderState switch
    {
        OrderStates.Processing => "Labeling",
        OrderStates.Paused or OrderStates.SpendLimited => "Paused",
        OrderStates.Completed or OrderStates.StaleResults => "Done",
        OrderStates.Failed => "Failed",
        _ => "Started",
    };
}

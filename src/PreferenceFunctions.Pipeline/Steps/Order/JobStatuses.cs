using System.Globalization;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// A job's state (AudienceJobState) as the run's order state, and what the run says while it waits: ManualApproval reads
/// as ManualReview and SpendLimited as Paused (both wait for a person), each with its own message.
/// </summary>
internal static class JobStatuses
{
    public static OrderStatus From(RapidataJob job, WorkflowProgress? progress) => new(Map(job.State), job.RawState, job.FailureMessage,
        Message(job, progress), (int?)progress?.Completed, (int?)progress?.Total);

    public static OrderState Map(JobState state) => state switch
    {
        JobState.Submitted => OrderState.Submitted,
        JobState.Running => OrderState.Processing,
        JobState.Completed => OrderState.Completed,
        JobState.Failed => OrderState.Failed,
        JobState.ManualApproval => OrderState.ManualReview,
        JobState.Queued => OrderState.Queued,
        JobState.Paused or JobState.SpendLimited => OrderState.Paused,
        JobState.StaleResults => OrderState.StaleResults,
        _ => OrderState.Unknown,
    };

    private static string Message(RapidataJob job, WorkflowProgress? progress) => job.State switch
    {
        JobState.ManualApproval => "Waiting: Rapidata holds the job for manual approval" +
            (job.ReviewReason is { } reason ? $" ({reason})" : "") + "; it starts once approved (contact info@rapidata.ai if it takes long).",
        JobState.SpendLimited => "Waiting: the job is spend-limited (the account's balance ran out); add funds in Rapidata " +
            "and resume the job to continue.",
        JobState.Paused => "Waiting: the job is paused; resume it in Rapidata to continue.",
        JobState.StaleResults => "Results were stale; asked Rapidata to regenerate them.",
        JobState.Submitted => "Waiting: Rapidata is checking the job before labelers start.",
        JobState.Queued => "Waiting: the job is queued behind another job.",
        JobState.Running when progress is not null => string.Create(CultureInfo.InvariantCulture,
            $"The crowd is voting: {progress.Completed} of {progress.Total} matchups done ({progress.CompletionPercentage:0}%)."),
        JobState.Running => "The crowd is voting.",
        _ => $"Waiting for the job (state {job.RawState}).",
    };
}

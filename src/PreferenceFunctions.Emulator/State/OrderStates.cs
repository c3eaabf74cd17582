namespace PreferenceFunctions.Emulator.State;

/// <summary>The OrderState values of the order OpenAPI document.</summary>
internal static class OrderStates
{
    public const string Created = "Created";
    public const string Preview = "Preview";
    public const string Submitted = "Submitted";
    public const string ManualReview = "ManualReview";
    public const string Queued = "Queued";
    public const string Processing = "Processing";
    public const string Paused = "Paused";
    public const string Completed = "Completed";
    public const string Cancelled = "Cancelled";
    public const string Failed = "Failed";
    public const string StaleResults = "StaleResults";

    /// <summary>Jobs only (AudienceJobState): waiting for funds; POST /job/{jobId}/resume continues.</summary>
    public const string SpendLimited = "SpendLimited";
}

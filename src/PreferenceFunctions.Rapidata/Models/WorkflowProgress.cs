namespace PreferenceFunctions.Rapidata.Models;

/// <summary>How far the crowd is with an order's workflow, as <c>GET /workflow/{workflowId}/progress</c> returns it.</summary>
/// <param name="CompletionPercentage">Completed datapoints as a percentage of <paramref name="Total"/> (0-100).</param>
/// <param name="Total">Datapoints in the workflow.</param>
/// <param name="Completed">Datapoints whose responses are all in.</param>
/// <param name="RawState">The state exactly as the API wrote it (useful when <paramref name="State"/> is Unknown).</param>
public sealed record WorkflowProgress(double CompletionPercentage, long Total, long Completed, WorkflowState State, string RawState);

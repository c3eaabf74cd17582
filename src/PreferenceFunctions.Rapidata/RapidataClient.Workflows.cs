using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>How far the crowd is: completed datapoints of the total and the workflow's state
    /// (<c>GET /workflow/{workflowId}/progress</c>, deprecated by Rapidata but the progress an order's workflow reports).</summary>
    public async Task<WorkflowProgress> GetWorkflowProgressAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var progress = await SendForJsonAsync<WorkflowProgressResponse>(HttpMethod.Get, $"workflow/{Segment(workflowId, nameof(workflowId))}/progress",
            null, cancellationToken).ConfigureAwait(false);
        return progress.ToProgress();
    }
}

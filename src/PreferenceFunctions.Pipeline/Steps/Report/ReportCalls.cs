using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Steps.Collect;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>Typed calls of the Report step's activities, for orchestrators.</summary>
internal static class ReportCalls
{
    /// <returns>The report blob's name, or null when the report could not be written (recorded on the run).</returns>
    public static Task<string?> CallRenderReportAsync(this TaskOrchestrationContext context, WriteResultsInput input, TaskOptions options) =>
        context.CallActivityAsync<string?>(nameof(RenderReportActivity), input, options);
}

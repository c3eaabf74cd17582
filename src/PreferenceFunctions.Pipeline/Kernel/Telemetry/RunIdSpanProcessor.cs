using System.Diagnostics;
using OpenTelemetry;

namespace PreferenceFunctions.Pipeline.Kernel.Telemetry;

/// <summary>
/// Gives every span started inside a run's span (Rapidata calls, storage and HTTP calls) the run's id, so one query by
/// run id finds them all.
/// </summary>
public sealed class RunIdSpanProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.GetTagItem(PipelineTelemetry.RunIdTag) is not null) return;
        for (var parent = data.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.GetTagItem(PipelineTelemetry.RunIdTag) is { } runId)
            {
                data.SetTag(PipelineTelemetry.RunIdTag, runId);
                return;
            }
        }
    }
}

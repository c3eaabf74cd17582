using System.Diagnostics;
using OpenTelemetry;

namespace PreferenceFunctions.Pipeline.Kernel.Telemetry;

/// <summary>
/// Gives every span of a run the run's id (<see cref="PipelineTelemetry.RunIdTag"/>), so one query by run id finds
/// them all: Durable Task's spans carry the orchestration's instance id (a run's id), and spans started inside a run's
/// span (Rapidata, storage and HTTP calls) take it from their parent.
/// </summary>
public sealed class RunIdSpanProcessor : BaseProcessor<Activity>
{
    /// <summary>The tag Durable Task puts on its orchestration and activity spans.</summary>
    private const string DurableInstanceIdTag = "durabletask.task.instance_id";

    public override void OnStart(Activity data)
    {
        if (data.GetTagItem(PipelineTelemetry.RunIdTag) is not null) return;
        for (var span = data; span is not null; span = span.Parent)
        {
            if ((span.GetTagItem(PipelineTelemetry.RunIdTag) ?? span.GetTagItem(DurableInstanceIdTag)) is { } runId)
            {
                data.SetTag(PipelineTelemetry.RunIdTag, runId);
                return;
            }
        }
    }

    /// <summary>Durable Task tags its spans after starting them: take the instance id when the span ends.</summary>
    public override void OnEnd(Activity data)
    {
        if (data.GetTagItem(PipelineTelemetry.RunIdTag) is null && data.GetTagItem(DurableInstanceIdTag) is { } runId)
            data.SetTag(PipelineTelemetry.RunIdTag, runId);
    }
}

using Microsoft.DurableTask;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>Typed calls of the Notify step's activities, for orchestrators.</summary>
internal static class NotifyCalls
{
    public static Task CallNotifyAsync(this TaskOrchestrationContext context, NotifyInput input, TaskOptions options) =>
        context.CallActivityAsync<int>(nameof(NotifyActivity), input, options);
}

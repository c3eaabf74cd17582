using Microsoft.DurableTask;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>Typed calls of the Upload step's activities, for orchestrators.</summary>
internal static class UploadCalls
{
    public static Task<UploadChunkResult> CallUploadChunkAsync(this TaskOrchestrationContext context, UploadChunkInput input,
        TaskOptions options) =>
        context.CallActivityAsync<UploadChunkResult>(nameof(UploadChunkActivity), input, options);
}

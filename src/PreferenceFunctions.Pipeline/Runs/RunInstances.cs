using Microsoft.DurableTask.Client;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>Questions about a run's orchestration instance, asked by cancel, resume and reaggregate.</summary>
public static class RunInstances
{
    /// <summary>Running or about to run.</summary>
    public static async Task<bool> IsActiveAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        IsActive(await client.GetInstanceAsync(instanceId, cancellationToken));

    public static bool IsActive(OrchestrationMetadata? instance) =>
        instance is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending };

    /// <summary>True when the instance ends (or has ended) within <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitForEndAsync(DurableTaskClient client, string instanceId, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await client.WaitForInstanceCompletionAsync(instanceId, limit.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

using Microsoft.DurableTask;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>Calls whose failure must not end a run: progress rows, events, the report, giving up on an order.</summary>
internal static class BestEffort
{
    /// <returns>False when the call failed (its failure is recorded by the activity itself where that matters).</returns>
    public static async Task<bool> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (TaskFailedException)
        {
            return false;
        }
    }
}

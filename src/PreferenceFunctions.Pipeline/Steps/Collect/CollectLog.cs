using Microsoft.Extensions.Logging;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>The Collect step's recurring log events.</summary>
internal static partial class CollectLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Writing results of run {RunId}: {Phase} done after {ElapsedMs} ms")]
    public static partial void Phase(ILogger logger, string runId, string phase, long elapsedMs);
}

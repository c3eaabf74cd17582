using Microsoft.Extensions.Logging;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Listing;

/// <summary>The stager's recurring log events.</summary>
internal static partial class StagingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Staged dataset {Container}/{Folder} for run {RunId}: {Matchups} matchups in {Chunks} chunks, {Warnings} warnings")]
    public static partial void Staged(ILogger logger, string container, string folder, string runId, int matchups, int chunks, int warnings);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Staging run {RunId}: {Phase} done after {ElapsedMs} ms")]
    public static partial void Phase(ILogger logger, string runId, string phase, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected dataset {Container}/{Folder} for run {RunId}: {Errors} errors, first: {FirstError}")]
    public static partial void Rejected(ILogger logger, string container, string folder, string runId, int errors, string firstError);
}

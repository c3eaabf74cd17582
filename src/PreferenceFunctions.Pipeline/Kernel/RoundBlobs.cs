namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>Where a follow-up round keeps its blobs: <c>{runId}/rounds/{nn}/</c> (plan, order, upload records, results),
/// and the run's list of rounds, <c>{runId}/rounds.json</c>.</summary>
public static class RoundBlobs
{
    public const string ResultsFileName = "results.json";

    /// <summary>The round's folder; also the scope its upload records are kept under (<c>{folder}/uploads/</c>).</summary>
    public static string Folder(string runId, int round) => $"{runId}/rounds/{round:D2}";

    public static string Prefix(string runId) => $"{runId}/rounds/";

    public static string Plan(string runId, int round) => $"{Folder(runId, round)}/chunk.json";

    public static string Order(string runId, int round) => $"{Folder(runId, round)}/order.json";

    public static string Results(string runId, int round) => $"{Folder(runId, round)}/{ResultsFileName}";

    public static string Log(string runId) => $"{runId}/rounds.json";
}

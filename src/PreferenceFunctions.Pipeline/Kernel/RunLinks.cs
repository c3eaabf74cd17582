namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>Where to read a run, relative to the API's base URL.</summary>
public sealed record RunLinks(string Status, string Results, string ResultsCsv, string Report, string Cancel)
{
    public static RunLinks For(string runId) => new(
        $"/api/runs/{runId}",
        $"/api/runs/{runId}/results",
        $"/api/runs/{runId}/results?format=csv",
        $"/api/runs/{runId}/report",
        $"/api/runs/{runId}/cancel");
}

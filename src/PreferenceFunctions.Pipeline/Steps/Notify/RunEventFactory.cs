using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>Builds a run's event from its PreferenceRuns row: the summary and, with a public base URL, links to the results.</summary>
public sealed class RunEventFactory(IOptions<PreferenceOptions> options)
{
    public RunEvent Create(NotifyInput input, PreferenceRunEntity? run)
    {
        var counts = new Dictionary<string, int>();
        if (run?.MatchupCount is { } matchups) counts["matchups"] = matchups;
        if (run?.TotalVotes is { } votes) counts["votes"] = votes;
        if (run?.DatapointsCreated is { } datapoints) counts["datapoints"] = datapoints;
        var data = new RunEventData(
            input.RunId,
            run is null ? "" : $"{run.DatasetsContainer}/{run.DatasetFolder}",
            run?.Status ?? input.Phase.StatusOf(),
            input.Phase,
            run?.OrderId,
            run?.MatchupCount,
            counts,
            run?.Winner,
            input.Error,
            Links(input.RunId),
            LeaderNames.Parse(run?.Leaders));
        return new RunEvent(input.EventType, input.RunId, input.At, data);
    }

    private RunEventLinks? Links(string runId)
    {
        if (options.Value.PublicBaseUrl is not { } baseUrl) return null;
        var links = RunLinks.For(runId);
        return new RunEventLinks(new Uri(baseUrl, links.Results).ToString(), new Uri(baseUrl, links.Report).ToString(),
            new Uri(baseUrl, links.Status).ToString());
    }
}

using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// The audience of a job-flow run: an existing one (<c>global</c>, curated or own) is looked up by id, so a wrong id fails
/// before the job is created.
/// </summary>
public sealed class AudienceSetup(RapidataClient rapidata)
{
    public async Task<string> ResolveAsync(string runId, string jobName, OrderSettings settings)
    {
        var audience = settings.Audience ?? new AudienceSettings(RapidataClient.GlobalAudienceId);
        if (audience.Id is { } id) return (await rapidata.GetAudienceAsync(id)).Id;
        throw new NotSupportedException($"Run {runId} ({jobName}): custom audiences are not supported yet.");
    }
}

using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// The audience of a job-flow run: an existing one (<c>global</c>, curated or own) is looked up by id, so a wrong id fails
/// before the job is created; a custom one is created as <c>&lt;name&gt; [&lt;runId&gt;]</c> with its audience filters and
/// task-accuracy graduation rule, then recruited. A crashed attempt's audience (created, its id not yet recorded on the run)
/// is found by that name through <c>GET /audiences</c> and used, so a run creates its audience once.
/// </summary>
public sealed class AudienceSetup(RapidataClient rapidata)
{
    public async Task<string> ResolveAsync(string runId, OrderSettings settings)
    {
        var audience = settings.Audience ?? new AudienceSettings(RapidataClient.GlobalAudienceId);
        if (audience.Id is { } id) return (await rapidata.GetAudienceAsync(id)).Id;

        var name = $"{audience.Name} [{runId}]";
        var found = await rapidata.FindAudienceIdsAsync(name);
        var created = found.Count > 0 ? found[0] : await rapidata.CreateAudienceAsync(name, audience.Filters, audience.TargetAccuracy ?? 0.75, audience.MinTasks ?? 10);
        await rapidata.RecruitAudienceAsync(created); // again for an adopted one: the crash may have come before recruiting
        return created;
    }
}

using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Rapidata;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// The audience of a job-flow run: an existing one (<c>global</c>, curated or own) is looked up by id, so a wrong id fails
/// before the job is created; a custom one is created as <c>&lt;name&gt; [&lt;runId&gt;]</c> with its audience filters and
/// task-accuracy graduation rule, then recruited. (Its id is recorded on the run at once; one created by a crashed attempt
/// before that stays unused and costs nothing.)
/// </summary>
public sealed class AudienceSetup(RapidataClient rapidata)
{
    public async Task<string> ResolveAsync(string runId, OrderSettings settings)
    {
        var audience = settings.Audience ?? new AudienceSettings(RapidataClient.GlobalAudienceId);
        if (audience.Id is { } id) return (await rapidata.GetAudienceAsync(id)).Id;

        var created = await rapidata.CreateAudienceAsync($"{audience.Name} [{runId}]", audience.Filters,
            audience.TargetAccuracy ?? 0.75, audience.MinTasks ?? 10);
        await rapidata.RecruitAudienceAsync(created);
        return created;
    }
}

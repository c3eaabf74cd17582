using System.Text.Json.Nodes;
using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>The id of Rapidata's generic baseline audience, accepted wherever an audience id is.</summary>
    public const string GlobalAudienceId = "global";

    /// <summary>An audience by id (<c>GET /audience/{id}</c>): a curated one, one of the caller's, or <see cref="GlobalAudienceId"/>.</summary>
    public Task<RapidataAudience> GetAudienceAsync(string audienceId, CancellationToken cancellationToken = default) =>
        SendForJsonAsync<RapidataAudience>(HttpMethod.Get, $"audience/{Segment(audienceId, nameof(audienceId))}", null, cancellationToken);

    /// <summary>Creates an empty audience (<c>POST /audience</c>) with audience filters (<c>IAudienceFilter</c> objects, each with
    /// its <c>_t</c>) and a task-accuracy graduation rule: labelers qualify by answering <paramref name="minTasks"/> examples
    /// at <paramref name="targetAccuracy"/>. Returns its id.</summary>
    public async Task<string> CreateAudienceAsync(string name, IReadOnlyList<JsonObject>? filters = null, double targetAccuracy = 0.75,
        int minTasks = 10, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var body = new CreateAudienceBody(name, filters ?? [], new TaskAccuracyRuleBody(targetAccuracy, minTasks));
        var created = await SendForJsonAsync<CreateAudienceResponse>(HttpMethod.Post, "audience", body, cancellationToken).ConfigureAwait(false);
        return created.AudienceId;
    }

    /// <summary>The caller's audiences named exactly <paramref name="name"/> (<c>GET /audiences?name[eq]=</c>), newest first:
    /// how a run finds the custom audience a crashed attempt created before recording it.</summary>
    public async Task<IReadOnlyList<string>> FindAudienceIdsAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var query = $"page=1&page_size=20&name%5Beq%5D={Uri.EscapeDataString(name)}&sort=-created_at";
        var page = await SendForJsonAsync<PageResponse<AudienceListItemResponse>>(HttpMethod.Get, "audiences?" + query, null, cancellationToken)
            .ConfigureAwait(false);
        return [.. page.Items.Where(a => a.Name == name).Select(a => a.Id)];
    }

    /// <summary>Starts recruiting labelers for an audience (<c>POST /audience/{id}/recruit</c>).</summary>
    public Task RecruitAudienceAsync(string audienceId, CancellationToken cancellationToken = default) =>
        SendForNoContentAsync(HttpMethod.Post, $"audience/{Segment(audienceId, nameof(audienceId))}/recruit", null, cancellationToken);
}

using System.Runtime.CompilerServices;
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

    /// <summary>Adds a compare qualification example to an audience (<c>POST /audience/{id}/example</c>, CompareExamplePayload with a
    /// CompareExampleTruth naming the right asset).</summary>
    public Task AddCompareAudienceExampleAsync(string audienceId, CompareAudienceExample example, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(example);
        if (example.WinnerAssetName != example.FirstAssetName && example.WinnerAssetName != example.SecondAssetName)
            throw new ArgumentException(
                $"The winner '{example.WinnerAssetName}' must be one of the pair's assets ('{example.FirstAssetName}', '{example.SecondAssetName}').",
                nameof(example));
        var body = new AddAudienceExampleBody(
            MultiAssetBody.Pair(example.FirstAssetName, example.SecondAssetName),
            new CompareExamplePayloadBody(example.Criteria),
            new CompareExampleTruthBody(example.WinnerAssetName),
            example.RandomCorrectProbability,
            example.Context,
            example.SortIndex);
        return SendForNoContentAsync(HttpMethod.Post, $"audience/{Segment(audienceId, nameof(audienceId))}/example", body, cancellationToken);
    }

    /// <summary>An audience's examples (<c>GET /audience/{id}/examples</c>, every page, by sort index): how a caller finds the
    /// examples an interrupted attempt already added.</summary>
    public async IAsyncEnumerable<AudienceExampleSummary> ListAudienceExamplesAsync(string audienceId, int pageSize = 100,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var path = $"audience/{Segment(audienceId, nameof(audienceId))}/examples";
        for (var page = 1; ; page++)
        {
            var result = await SendForJsonAsync<PageResponse<AudienceExampleResponse>>(HttpMethod.Get,
                $"{path}?page={page}&page_size={pageSize}&sort=sort_index", null, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                var names = new List<string>();
                CollectFileNames(item.Asset, names);
                yield return new AudienceExampleSummary(item.Id, item.SortIndex, names, item.Context);
            }
            if (result.Items.Count == 0 || (long)page * pageSize >= result.Total) yield break;
        }
    }

    /// <summary>Starts recruiting labelers for an audience (<c>POST /audience/{id}/recruit</c>).</summary>
    public Task RecruitAudienceAsync(string audienceId, CancellationToken cancellationToken = default) =>
        SendForNoContentAsync(HttpMethod.Post, $"audience/{Segment(audienceId, nameof(audienceId))}/recruit", null, cancellationToken);
}

using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>The id of Rapidata's generic baseline audience, accepted wherever an audience id is.</summary>
    public const string GlobalAudienceId = "global";

    /// <summary>An audience by id (<c>GET /audience/{id}</c>): a curated one, one of the caller's, or <see cref="GlobalAudienceId"/>.</summary>
    public Task<RapidataAudience> GetAudienceAsync(string audienceId, CancellationToken cancellationToken = default) =>
        SendForJsonAsync<RapidataAudience>(HttpMethod.Get, $"audience/{Segment(audienceId, nameof(audienceId))}", null, cancellationToken);
}

using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>Rapidata's limit for a datapoint's context; longer ones are rejected with a 400 naming the field.</summary>
    public const int MaxContextLength = 400;

    /// <summary>Creates an empty dataset (<c>POST /dataset</c>) for a job definition; returns its id.</summary>
    public async Task<string> CreateDatasetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var created = await SendForJsonAsync<CreateDatasetResponse>(HttpMethod.Post, "dataset", new CreateDatasetBody(name), cancellationToken)
            .ConfigureAwait(false);
        return created.DatasetId;
    }

    /// <summary>
    /// Shortens contexts to the parts relevant to their question (<c>POST /datasets/shorten-context</c>), as Rapidata's
    /// SDK does before uploading a context over <see cref="MaxContextLength"/> characters. Results are in input order.
    /// </summary>
    public async Task<IReadOnlyList<string>> ShortenContextsAsync(IReadOnlyList<ContextToShorten> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return [];
        var result = await SendForJsonAsync<ShortenContextResponse>(HttpMethod.Post, "datasets/shorten-context",
            new ShortenContextBody(items), cancellationToken).ConfigureAwait(false);
        if (result.Items.Count != items.Count)
            throw new RapidataRequestException("POST", "/datasets/shorten-context", 200, "Unexpected response body",
                $"Sent {items.Count} contexts, got {result.Items.Count} back.", null, null);
        return [.. result.Items.Select(i => i.ShortenedContext)];
    }
}

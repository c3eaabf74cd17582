using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>A validation set (<c>GET /validation-set/{id}</c>); a 404 means it does not exist or is not visible.</summary>
    public Task<ValidationSet> GetValidationSetAsync(string validationSetId, CancellationToken cancellationToken = default) =>
        SendForJsonAsync<ValidationSet>(HttpMethod.Get, $"validation-set/{Segment(validationSetId, nameof(validationSetId))}", null, cancellationToken);

    /// <summary>Creates an empty validation set (<c>POST /validation-set</c>); returns its id.</summary>
    public async Task<string> CreateValidationSetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var created = await SendForJsonAsync<CreateValidationSetResponse>(HttpMethod.Post, "validation-set",
            new CreateValidationSetBody(name), cancellationToken).ConfigureAwait(false);
        return created.ValidationSetId;
    }

    /// <summary>Adds a compare question with its right answer (<c>POST /validation-set/{id}/rapid</c>, CompareTruth).</summary>
    public Task AddCompareValidationRapidAsync(string validationSetId, CompareValidationRapid rapid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rapid);
        if (rapid.WinnerAssetName != rapid.FirstAssetName && rapid.WinnerAssetName != rapid.SecondAssetName)
            throw new ArgumentException(
                $"The winner '{rapid.WinnerAssetName}' must be one of the pair's assets ('{rapid.FirstAssetName}', '{rapid.SecondAssetName}').",
                nameof(rapid));
        var body = new AddValidationRapidBody(
            MultiAssetBody.Pair(rapid.FirstAssetName, rapid.SecondAssetName),
            new ComparePayloadBody(rapid.Criteria),
            new CompareTruthBody(rapid.WinnerAssetName),
            rapid.RandomCorrectProbability,
            rapid.Explanation,
            rapid.Context);
        return SendForNoContentAsync(HttpMethod.Post, $"validation-set/{Segment(validationSetId, nameof(validationSetId))}/rapid", body,
            cancellationToken);
    }
}

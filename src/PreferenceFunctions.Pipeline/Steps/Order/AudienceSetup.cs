using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Pipeline.Steps.Upload;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// The audience of a job-flow run: an existing one (<c>global</c>, curated or own) is looked up by id, so a wrong id fails
/// before the job is created; a custom one is created as <c>&lt;name&gt; [&lt;runId&gt;]</c> with its audience filters and
/// task-accuracy graduation rule, given its qualification examples, then recruited. A crashed attempt's audience (created, its
/// id not yet recorded on the run) is found by that name through <c>GET /audiences</c> and used, so a run creates its audience
/// once; its examples are listed (<c>GET /audience/{id}/examples</c>) and only those whose sort index is missing are added.
/// </summary>
public sealed class AudienceSetup(RapidataClient rapidata, MediaAssetCache assets, DatasetImageReader images, IOptions<PreferenceOptions> options)
{
    public async Task<string> ResolveAsync(string runId, OrderSettings settings, IReadOnlyList<ManifestAudienceExample> examples,
        CancellationToken cancellationToken = default)
    {
        var audience = settings.Audience ?? new AudienceSettings(RapidataClient.GlobalAudienceId);
        if (audience.Id is { } id) return (await rapidata.GetAudienceAsync(id, cancellationToken)).Id;

        var name = $"{audience.Name} [{runId}]";
        var found = await rapidata.FindAudienceIdsAsync(name, cancellationToken);
        var created = found.Count > 0 ? found[0]
            : await rapidata.CreateAudienceAsync(name, audience.Filters, audience.TargetAccuracy ?? 0.75, audience.MinTasks ?? 10, cancellationToken);
        if (examples.Count > 0) await AddMissingExamplesAsync(runId, created, settings.Criteria, examples, cancellationToken);
        await rapidata.RecruitAudienceAsync(created, cancellationToken); // again for an adopted one: the crash may have come before recruiting
        return created;
    }

    /// <summary>Uploads each example's images from the run's staged copy (hash-checked, reused when Rapidata has the content) and
    /// adds the example with its order.json index as sort index, skipping the indexes the audience already has.</summary>
    private async Task AddMissingExamplesAsync(string runId, string audienceId, string criteria, IReadOnlyList<ManifestAudienceExample> examples,
        CancellationToken cancellationToken)
    {
        var added = new HashSet<int>();
        await foreach (var existing in rapidata.ListAudienceExamplesAsync(audienceId, cancellationToken: cancellationToken))
        {
            if (existing.SortIndex is { } index) added.Add(index);
        }
        await using var session = images.OpenSession(options.Value.RunsContainer, StagedImages.FolderFor(runId));
        foreach (var example in examples.Where(e => !added.Contains(e.SortIndex)))
        {
            var first = await UploadAsync(session, example.Image1, cancellationToken);
            var second = await UploadAsync(session, example.Image2, cancellationToken);
            await rapidata.AddCompareAudienceExampleAsync(audienceId, new CompareAudienceExample(first, second, criteria,
                example.Winner == 1 ? first : second, example.SortIndex, example.Prompt), cancellationToken);
        }
    }

    private async Task<string> UploadAsync(DatasetImageSession session, ManifestImage image, CancellationToken cancellationToken)
    {
        var asset = await assets.GetOrUploadAsync(image, image.FileName, () => session.OpenAsync(image, cancellationToken), cancellationToken);
        return asset.AssetName;
    }
}

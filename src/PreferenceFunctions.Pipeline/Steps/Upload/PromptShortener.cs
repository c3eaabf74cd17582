using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// Prompts over Rapidata's 400-character context limit, shortened the way Rapidata's SDK does it: through
/// <c>POST /datasets/shorten-context</c> with the run's criteria as the question, before the datapoints are created.
/// Only called for a chunk that has such prompts (reading the manifest for the criteria then).
/// </summary>
public sealed class PromptShortener(RapidataClient rapidata, ManifestStore manifests)
{
    private const int BatchSize = 100;

    /// <summary>The shortened context of each matchup whose prompt is too long, by matchup id; empty when none is.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ShortenAsync(string runsContainer, string runId,
        IReadOnlyList<ManifestMatchup> matchups, CancellationToken cancellationToken = default)
    {
        var tooLong = matchups.Where(m => m.Prompt.Length > RapidataClient.MaxContextLength).ToList();
        if (tooLong.Count == 0) return new Dictionary<string, string>();

        var manifest = await manifests.ReadManifestAsync(runsContainer, RunBlobs.Manifest(runId), cancellationToken);
        var shortened = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var batch in tooLong.Chunk(BatchSize))
        {
            var results = await rapidata.ShortenContextsAsync(
                [.. batch.Select(m => new ContextToShorten(m.Prompt, manifest.Settings.Criteria))], cancellationToken);
            for (var i = 0; i < batch.Length; i++) shortened[batch[i].MatchupId] = WithinLimit(results[i]);
        }
        return shortened;
    }

    /// <summary>Rapidata promises a short result; should one still be too long, it is cut so the datapoint is accepted.</summary>
    private static string WithinLimit(string context) =>
        context.Length <= RapidataClient.MaxContextLength ? context : context[..(RapidataClient.MaxContextLength - 1)] + "…";
}

using System.Runtime.CompilerServices;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Converts a Rapidata results document into <see cref="MatchupOutcome"/>s. Each entry is joined to its matchup by the
/// matchup id in its private metadata (<see cref="MatchupMetadata.IdKey"/>), else by the file names of its two options.
/// Without known matchups the options themselves are the images and the models come from their names
/// (<see cref="ModelNames.FromImagePath"/>). Weighted votes are <c>summedUserScores</c>; documents older than that
/// (no map at all) use the raw votes. Entries joined to the same matchup (a pair uploaded twice) are merged by adding
/// their votes.
/// </summary>
public static class MatchupOutcomeBuilder
{
    /// <exception cref="InvalidDataException">An entry does not hold exactly two images, or matches no known matchup.</exception>
    public static IReadOnlyList<MatchupOutcome> Build(CompareResultsDocument document, IReadOnlyCollection<Matchup>? knownMatchups = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lookup = knownMatchups is null ? null : new MatchupLookup(knownMatchups);
        var outcomes = new Dictionary<string, MatchupOutcome>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var i = 0; i < document.Results.Count; i++)
        {
            var outcome = FromEntry(document.Results[i], i, lookup);
            var id = outcome.Matchup.Id;
            if (outcomes.TryGetValue(id, out var earlier)) outcome = Merge(earlier, outcome);
            else order.Add(id);
            outcomes[id] = outcome;
        }
        return order.Select(id => outcomes[id]).ToList();
    }

    /// <summary>
    /// One outcome per entry as the entries arrive, with the entry's individual votes; for exports that stream a
    /// document too large to hold. Entries of the same matchup are not merged here: each keeps its own votes.
    /// </summary>
    /// <exception cref="InvalidDataException">As <see cref="Build"/>.</exception>
    public static async IAsyncEnumerable<MatchupOutcome> ReadAsync(IAsyncEnumerable<CompareResultEntry> entries,
        IReadOnlyCollection<Matchup>? knownMatchups = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lookup = knownMatchups is null ? null : new MatchupLookup(knownMatchups);
        var index = 0;
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return FromEntry(entry, index++, lookup);
    }

    private static MatchupOutcome FromEntry(CompareResultEntry entry, int index, MatchupLookup? lookup)
    {
        var options = entry.AssetOptions;
        if (options.Count != 2)
            throw new InvalidDataException($"results[{index}] has {options.Count} image options ({string.Join(", ", options)}); a compare entry needs exactly two.");
        entry.PrivateMetadata.TryGetValue(MatchupMetadata.IdKey, out var matchupId);
        string option1 = options[0], option2 = options[1];
        var known = lookup?.Find(matchupId, option1, option2)
            ?? (lookup is null ? null : throw new InvalidDataException(
                $"results[{index}] (matchupId '{matchupId ?? "none"}', images '{option1}', '{option2}') matches no matchup of the dataset."));
        if (known is not null && MatchupLookup.SameFile(option1, known.Option2) && MatchupLookup.SameFile(option2, known.Option1))
            (option1, option2) = (option2, option1);

        var matchup = known is null
            ? new Matchup
            {
                Id = matchupId ?? $"result-{index + 1}",
                Prompt = entry.Context ?? "",
                Image1 = option1,
                Image2 = option2,
                Model1 = ModelNames.FromImagePath(option1),
                Model2 = ModelNames.FromImagePath(option2),
            }
            : known.ShortenedPrompt is null ? known with { Prompt = entry.Context ?? known.Prompt } : known; // keep the original of a shortened prompt
        var weighted = entry.SummedUserScores.Count > 0;
        return new MatchupOutcome
        {
            Matchup = matchup,
            Votes1 = entry.VotesFor(option1),
            Votes2 = entry.VotesFor(option2),
            WeightedVotes1 = weighted ? entry.SummedUserScores.GetValueOrDefault(option1) : entry.VotesFor(option1),
            WeightedVotes2 = weighted ? entry.SummedUserScores.GetValueOrDefault(option2) : entry.VotesFor(option2),
            BothVotes = entry.VotesFor(CompareResultEntry.Both),
            NeitherVotes = entry.VotesFor(CompareResultEntry.Neither),
            Winner = entry.Winner,
            WeightedWinner = entry.WeightedWinner,
            Details = entry.DetailedResults.Select(vote => new VoteDetail(
                vote.VotedFor == option1 ? matchup.Image1 : vote.VotedFor == option2 ? matchup.Image2 : vote.VotedFor ?? "",
                vote.UserDetails.Country, vote.UserDetails.Language, vote.UserDetails.GlobalScore)
            {
                Demographics = vote.UserDetails.Demographics,
                UserScores = vote.UserDetails.UserScores,
            }).ToArray(),
        };
    }

    /// <summary>Adds two outcomes of the same matchup (two chunks of one order, or an order and its follow-up round).</summary>
    public static MatchupOutcome Merge(MatchupOutcome a, MatchupOutcome b)
    {
        var merged = a with
        {
            Votes1 = a.Votes1 + b.Votes1,
            Votes2 = a.Votes2 + b.Votes2,
            WeightedVotes1 = a.WeightedVotes1 + b.WeightedVotes1,
            WeightedVotes2 = a.WeightedVotes2 + b.WeightedVotes2,
            BothVotes = a.BothVotes + b.BothVotes,
            NeitherVotes = a.NeitherVotes + b.NeitherVotes,
            Details = [.. a.Details, .. b.Details],
        };
        // The reported winners described the parts; name the images that lead the merged counts instead.
        return merged with
        {
            Winner = LeadingImage(merged, merged.Votes1, merged.Votes2),
            WeightedWinner = LeadingImage(merged, merged.WeightedVotes1, merged.WeightedVotes2),
        };
    }

    private static string? LeadingImage(MatchupOutcome o, double first, double second) =>
        MatchupResults.Side(first, second) switch { 1 => o.Matchup.Image1, 2 => o.Matchup.Image2, _ => null };
}

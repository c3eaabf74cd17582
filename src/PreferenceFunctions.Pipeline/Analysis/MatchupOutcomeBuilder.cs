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
        var merger = new Merger(knownMatchups);
        foreach (var entry in document.Results) merger.Add(entry);
        return merger.Outcomes;
    }

    /// <summary>
    /// Reads a results document and folds each entry into the outcomes as it is parsed, so no entry outlives its
    /// turn: the same outcomes as <see cref="Build"/> of the parsed document, in a fraction of the memory and time.
    /// </summary>
    /// <exception cref="InvalidDataException">As <see cref="Build"/>.</exception>
    /// <exception cref="System.Text.Json.JsonException">The document is not valid JSON or not a compare results document.</exception>
    public static async Task<(CompareResultsInfo Info, IReadOnlyList<MatchupOutcome> Outcomes)> ReadDocumentAsync(Stream utf8Json,
        CompareResultsParseOptions? options = null, IReadOnlyCollection<Matchup>? knownMatchups = null, CancellationToken cancellationToken = default)
    {
        if (options is not { IncludeDetailedResults: false })
        {
            var merger = new Merger(knownMatchups);
            var info = await CompareResultsDocument.ForEachEntryAsync(utf8Json, merger.Add, options, cancellationToken).ConfigureAwait(false);
            return (info, merger.Outcomes);
        }
        // Without the votes only each entry's counts are needed: read as aggregates, with no entry record or maps, a large
        // file on two threads. The second thread's outcomes are merged in after the first's, one by one as if read in order.
        var (documentInfo, parts) = await CompareResultsDocument.ForEachEntryAggregatesInPartsAsync(utf8Json,
            part => new Merger(knownMatchups, deferMerge: part > 0), (merger, entry) => merger.Add(entry), options, cancellationToken)
            .ConfigureAwait(false);
        var whole = parts[0].Part;
        foreach (var (part, firstIndex) in parts.Skip(1)) whole.AddDeferred(part, firstIndex);
        return (documentInfo, whole.Outcomes);
    }

    /// <summary>
    /// Outcomes in first-seen order, entries of the same matchup merged. With <paramref name="deferMerge"/> (the part a
    /// second thread reads) each entry's outcome is only kept, in order, for <see cref="AddDeferred"/>: merging it there
    /// adds the votes in the same order as one thread would (sums of doubles depend on the order).
    /// </summary>
    private sealed class Merger(IReadOnlyCollection<Matchup>? knownMatchups, bool deferMerge = false)
    {
        private readonly MatchupLookup? _lookup = knownMatchups is null ? null : new MatchupLookup(knownMatchups);
        private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
        private readonly List<MatchupOutcome> _outcomes = [];
        private readonly List<(MatchupOutcome Outcome, bool NumberedId)> _deferred = [];
        private readonly ModelNameCache _models = new();
        private int _entries;

        public void Add(CompareResultEntry entry) => Add(FromEntry(entry, _entries++, _lookup, _models));

        public void Add(CompareEntryAggregates entry)
        {
            var outcome = FromAggregates(entry, _lookup, _models);
            // An entry without a matchup id (and no dataset) is named by its index, which a deferred part counts from its start.
            if (deferMerge) _deferred.Add((outcome, _lookup is null && entry.MetadataValue(MatchupMetadata.IdKey) is null));
            else Add(outcome);
        }

        /// <summary>Merges in the entries of a deferred part whose first entry is <c>results[firstIndex]</c>.</summary>
        public void AddDeferred(Merger part, int firstIndex)
        {
            for (var i = 0; i < part._deferred.Count; i++)
            {
                var (outcome, numberedId) = part._deferred[i];
                Add(numberedId ? outcome with { Matchup = outcome.Matchup with { Id = NumberedId(firstIndex + i) } } : outcome);
            }
        }

        private void Add(MatchupOutcome outcome)
        {
            if (_positions.TryGetValue(outcome.Matchup.Id, out var position)) _outcomes[position] = Merge(_outcomes[position], outcome);
            else
            {
                _positions.Add(outcome.Matchup.Id, _outcomes.Count);
                _outcomes.Add(outcome);
            }
        }

        public List<MatchupOutcome> Outcomes => _outcomes;
    }

    /// <summary>One string per model name: 100,000 matchups name a handful of models 200,000 times.</summary>
    private sealed class ModelNameCache
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

        public string FromImagePath(string imagePath)
        {
            var name = ModelNames.Slice(imagePath.Replace('\\', '/'));
            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(name, out var known)) return known;
            var created = new string(name);
            _names.Add(created, created);
            return created;
        }
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
        var models = new ModelNameCache();
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            yield return FromEntry(entry, index++, lookup, models);
    }

    private static MatchupOutcome FromEntry(CompareResultEntry entry, int index, MatchupLookup? lookup, ModelNameCache models)
    {
        entry.PrivateMetadata.TryGetValue(MatchupMetadata.IdKey, out var matchupId);
        var matchup = Join(index, entry.AssetOptions, matchupId, entry.Context, lookup, models, out var option1, out var option2);
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
            Details = entry.DetailedResults.Count == 0 ? [] : entry.DetailedResults.Select(vote => new VoteDetail(
                vote.VotedFor == option1 ? matchup.Image1 : vote.VotedFor == option2 ? matchup.Image2 : vote.VotedFor ?? "",
                vote.UserDetails.Country, vote.UserDetails.Language, vote.UserDetails.GlobalScore)
            {
                Demographics = vote.UserDetails.Demographics,
                UserScores = vote.UserDetails.UserScores,
            }).ToArray(),
        };
    }

    /// <summary>The same outcome as <see cref="FromEntry"/> of the entry (it has no votes), from the reused aggregates.</summary>
    private static MatchupOutcome FromAggregates(CompareEntryAggregates entry, MatchupLookup? lookup, ModelNameCache models)
    {
        var matchup = Join(entry.Index, entry.AssetOptions, entry.MetadataValue(MatchupMetadata.IdKey), entry.Context, lookup, models,
            out var option1, out var option2);
        var weighted = entry.HasSummedUserScores;
        return new MatchupOutcome
        {
            Matchup = matchup,
            Votes1 = entry.VotesFor(option1),
            Votes2 = entry.VotesFor(option2),
            WeightedVotes1 = weighted ? entry.SummedUserScoreFor(option1) : entry.VotesFor(option1),
            WeightedVotes2 = weighted ? entry.SummedUserScoreFor(option2) : entry.VotesFor(option2),
            BothVotes = entry.VotesFor(CompareResultEntry.Both),
            NeitherVotes = entry.VotesFor(CompareResultEntry.Neither),
            Winner = entry.Winner,
            WeightedWinner = entry.WeightedWinner,
        };
    }

    /// <summary>The matchup of an entry: the known one it names (by id, else by its images), else one made of the
    /// entry itself. <paramref name="option1"/> and <paramref name="option2"/> are the entry's options in the matchup's order.</summary>
    private static Matchup Join(int index, IReadOnlyList<string> options, string? matchupId, string? context, MatchupLookup? lookup,
        ModelNameCache models, out string option1, out string option2)
    {
        if (options.Count != 2)
            throw new InvalidDataException($"results[{index}] has {options.Count} image options ({string.Join(", ", options)}); a compare entry needs exactly two.");
        (option1, option2) = (options[0], options[1]);
        var known = lookup?.Find(matchupId, option1, option2)
            ?? (lookup is null ? null : throw new InvalidDataException(
                $"results[{index}] (matchupId '{matchupId ?? "none"}', images '{option1}', '{option2}') matches no matchup of the dataset."));
        if (known is not null && MatchupLookup.SameFile(option1, known.Option2) && MatchupLookup.SameFile(option2, known.Option1))
            (option1, option2) = (option2, option1);

        return known is null
            ? new Matchup
            {
                Id = matchupId ?? NumberedId(index),
                Prompt = context ?? "",
                Image1 = option1,
                Image2 = option2,
                Model1 = models.FromImagePath(option1),
                Model2 = models.FromImagePath(option2),
            }
            : known.ShortenedPrompt is null ? known with { Prompt = context ?? known.Prompt } : known; // keep the original of a shortened prompt
    }

    private static string NumberedId(int index) => $"result-{index + 1}";

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

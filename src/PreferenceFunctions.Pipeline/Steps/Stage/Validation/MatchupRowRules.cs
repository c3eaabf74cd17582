using System.Runtime.CompilerServices;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// The rules side of the CSV pass (<see cref="MatchupCsvValidator"/>): applies batches of parsed rows in row order,
/// reporting each row's cell problems then what depends on earlier rows (duplicate matchups), and passes the valid
/// rows on: to <paramref name="tally"/> for a report only, else kept as <see cref="MatchupRow"/>s.
/// </summary>
internal sealed class MatchupRowRules(int indexImageCount, ProblemList problems, MatchupTally? tally)
{
    private const string File = MatchupColumns.FileName;
    /// <summary>How far ahead the duplicate check's probe is started: enough rows of work to cover a cache miss.</summary>
    private const int PrefetchRowsAhead = 8;
    private readonly MatchupDeduplicator _seen = new(indexImageCount);
    private readonly List<(ulong Hash, RowAt At)> _derivedIds = [];

    public MatchupRowList Matchups { get; } = new();
    public int Duplicates { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public void Apply(ParsedRowBatch batch)
    {
        if (batch.ExpectedRows > 0) _seen.ExpectRows(batch.ExpectedRows);
        var problemsAdded = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (i + PrefetchRowsAhead < batch.Count)
            {
                ref readonly var ahead = ref batch.Rows[i + PrefetchRowsAhead];
                if (ahead.Valid) _seen.Prefetch(ahead.PromptHash, ahead.Image1.Id, ahead.Image2.Id);
            }
            ref readonly var row = ref batch.Rows[i];
            for (; problemsAdded < row.ProblemsEnd; problemsAdded++) problems.Add(batch.Problems[problemsAdded]);
            if (row.Valid) Apply(in row);
        }
    }

    /// <summary>Ids become table row keys: a derived id (<c>m-</c> + hex) must not equal any other row's id, explicit or derived.</summary>
    public void CheckDerivedIds(RowIds ids)
    {
        ids.ExpectDerived(_derivedIds.Count);
        foreach (var (hash, at) in _derivedIds)
        {
            if (ids.TryAddDerived(hash, at.Row, out var firstRow)) continue;
            problems.Error(ProblemCodes.DuplicateId, File,
                $"{File} row {at}, column id: the id derived from this row's content, \"{MatchupIds.Format(hash)}\", is already the id of row {firstRow}; give one of them an explicit id",
                at.Row, at.Line, "id");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    private void Apply(in ParsedRow row)
    {
        var at = row.At;
        if (!_seen.TryAdd(row.PromptHash, row.Image1.Id, row.Image2.Id, at.Row, out var firstRow))
        {
            Duplicates++;
            problems.Warning(ProblemCodes.DuplicateMatchup, File, $"{File} row {at}: same prompt and images as row {firstRow} (in either order); this row is skipped", at.Row, at.Line);
            return;
        }
        var (image1, image2) = (row.Image1.Entry, row.Image2.Entry);
        // A kept row's id is hashed here, from its prompt: staging's parsing thread also builds the rows' strings, so
        // this thread is the lighter one, and a duplicate is never hashed. validate keeps no prompt: the parsing thread hashed it.
        if (row.DerivesId) _derivedIds.Add((row.Prompt is { } prompt ? MatchupIds.DeriveHash(prompt, image1.Path, image2.Path) : row.DerivedId, at));
        if (tally is not null)
            tally.Add(at.Row, at.Line, image1, row.Model1, image2, row.Model2);
        else
            Matchups.Add(new MatchupRow(Row: at.Row, Line: at.Line, Id: row.Id, Prompt: row.Prompt!, Image1: image1, Image2: image2,
                Model1: row.Model1, Model2: row.Model2, Metadata: row.Metadata));
    }
}

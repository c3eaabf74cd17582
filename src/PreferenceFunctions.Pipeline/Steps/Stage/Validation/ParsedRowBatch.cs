using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// Consecutive parsed rows with the problems their cells raised, in row order: the unit handed from the parsing
/// thread to the rules thread. Reused once the rules have applied it.
/// </summary>
internal sealed class ParsedRowBatch(int rows)
{
    public ParsedRow[] Rows { get; } = new ParsedRow[rows];
    public int Count { get; set; }
    public List<DatasetProblem> Problems { get; } = [];
    /// <summary>When known from this batch on, how many rows the file likely holds (0: not yet known).</summary>
    public int ExpectedRows { get; set; }
    public bool IsFull => Count == Rows.Length;

    /// <summary>The next row's slot, cleared.</summary>
    public ref ParsedRow Next()
    {
        ref var row = ref Rows[Count++];
        row = default;
        return ref row;
    }

    public void Clear()
    {
        Count = 0;
        ExpectedRows = 0;
        Problems.Clear();
    }
}

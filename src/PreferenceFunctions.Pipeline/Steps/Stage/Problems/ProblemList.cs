namespace PreferenceFunctions.Pipeline.Steps.Stage.Problems;

/// <summary>
/// Collects problems up to a cap while counting all of them, so a report lists the first
/// <c>MaxProblems</c> and still says exactly how many errors and warnings there were.
/// </summary>
public sealed class ProblemList(int maxProblems)
{
    private readonly List<DatasetProblem> _listed = [];
    private readonly object _gate = new();

    public int ErrorCount { get; private set; }
    public int WarningCount { get; private set; }
    public int NotListed => ErrorCount + WarningCount - _listed.Count;
    public IReadOnlyList<DatasetProblem> Listed => _listed;

    public void Error(string code, string file, string message, int? row = null, int? line = null, string? column = null) =>
        Add(new DatasetProblem(ProblemSeverity.Error, code, file, row, line, column, message));

    public void Warning(string code, string file, string message, int? row = null, int? line = null, string? column = null) =>
        Add(new DatasetProblem(ProblemSeverity.Warning, code, file, row, line, column, message));

    public void Add(DatasetProblem problem)
    {
        lock (_gate)
        {
            if (problem.Severity == ProblemSeverity.Error) ErrorCount++;
            else WarningCount++;
            if (_listed.Count < maxProblems) _listed.Add(problem);
        }
    }

    /// <summary>Problems in the order a reader expects: by file, then row, errors before warnings.</summary>
    public IReadOnlyList<DatasetProblem> Sorted() =>
        [.. _listed.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Row ?? 0).ThenBy(p => p.Severity)];
}

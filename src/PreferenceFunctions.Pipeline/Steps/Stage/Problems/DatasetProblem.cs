namespace PreferenceFunctions.Pipeline.Steps.Stage.Problems;

/// <summary>
/// One thing wrong with a dataset. <see cref="Row"/> counts like a spreadsheet (the header is row 1);
/// <see cref="Line"/> is the text line where that row starts, which differs when quoted fields hold newlines.
/// </summary>
public sealed record DatasetProblem(
    ProblemSeverity Severity,
    string Code,
    string File,
    int? Row,
    int? Line,
    string? Column,
    string Message);

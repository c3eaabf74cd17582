namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Win rate per model (rows) and voter group (columns, most votes first). A cell is null when the model got fewer
/// than the breakdown's minimum votes in that group: too few to read a rate from. Groups where every cell is hidden
/// are left out; <see cref="HiddenGroups"/> counts them.
/// </summary>
/// <param name="Dimension">What the groups are, e.g. <c>country</c> or <c>age</c>.</param>
public sealed record BreakdownTable(
    string Dimension,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Models,
    IReadOnlyList<IReadOnlyList<BreakdownCell?>> Cells,
    int HiddenGroups);

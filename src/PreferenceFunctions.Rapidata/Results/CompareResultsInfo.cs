namespace PreferenceFunctions.Rapidata.Results;

/// <summary>The <c>info</c> block of a results document.</summary>
/// <param name="Type">Task type, e.g. <c>Compare</c>: <c>info.type</c> in 4.x, <c>info.orderType</c> in 3.x.</param>
/// <param name="Version">Aggregator version, e.g. <c>4.1.0</c>.</param>
public sealed record CompareResultsInfo(
    DateTimeOffset? CreatedAt,
    string? Version,
    string? Type,
    string? Name,
    string? Instruction)
{
    public static readonly CompareResultsInfo Empty = new(null, null, null, null, null);
}

using PreferenceFunctions.Pipeline.Steps.Stage.Problems;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>Where the known columns are in matchups.csv (matched case-insensitively); other columns are private metadata.</summary>
internal sealed record MatchupColumns(int Prompt, int Image1, int Image2, int Model1, int Model2, int Id, int[] MetadataIndexes, string[] MetadataNames, string[] Names)
{
    public const string FileName = "matchups.csv";
    public static readonly string[] Required = ["prompt", "image1", "image2"];
    private static readonly string[] Known = ["prompt", "image1", "image2", "model1", "model2", "id"];

    /// <summary>The column layout, or null after reporting what is wrong with the header.</summary>
    public static MatchupColumns? From(IReadOnlyList<string> header, ProblemList problems)
    {
        var names = header.Select(h => h.Trim()).ToArray();
        var duplicates = names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            problems.Error(ProblemCodes.DuplicateColumn, FileName, $"{FileName} row 1: column(s) {string.Join(", ", duplicates)} appear more than once", row: 1, line: 1, column: duplicates[0]);
        int IndexOf(string name) => Array.FindIndex(names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        var missing = Required.Where(r => IndexOf(r) < 0).ToList();
        if (missing.Count > 0)
        {
            problems.Error(ProblemCodes.MissingColumn, FileName,
                $"{FileName} row 1: missing required column(s) {string.Join(", ", missing)}; the header has {string.Join(", ", names.Select(n => $"\"{n}\""))} " +
                "(columns: prompt, image1, image2, optional model1, model2, id; separator , ; or tab)", row: 1, line: 1, column: missing[0]);
        }
        if (missing.Count > 0 || duplicates.Count > 0) return null;
        var metadata = Enumerable.Range(0, names.Length).Where(i => names[i].Length > 0 && !Known.Contains(names[i], StringComparer.OrdinalIgnoreCase)).ToArray();
        return new MatchupColumns(IndexOf("prompt"), IndexOf("image1"), IndexOf("image2"), IndexOf("model1"), IndexOf("model2"), IndexOf("id"),
            metadata, [.. metadata.Select(i => names[i])], names);
    }
}

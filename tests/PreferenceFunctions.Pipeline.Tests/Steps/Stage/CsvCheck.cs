using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>Runs the CSV pass over text against an in-memory index of loose images (path -> size).</summary>
internal static class CsvCheck
{
    public static readonly string[] DefaultImages = ["flux/flux_1_0.png", "stable_diffusion/stable_diffusion_1_1.png", "flux/flux_2_0.png", "stable_diffusion/stable_diffusion_2_1.png"];

    public static (CsvScan Scan, ProblemList Problems) Run(string csv, DatasetOptions? options = null, IEnumerable<(string Path, long Size)>? images = null) =>
        Run(new StringReader(csv), options, images);

    /// <summary>The pass over bytes read as a file or blob is: strict UTF-8 (<see cref="MatchupCsvReader"/>) from a seekable stream.</summary>
    public static (CsvScan Scan, ProblemList Problems) Run(byte[] csv, DatasetOptions? options = null)
    {
        using var reader = new MatchupCsvReader(new MemoryStream(csv));
        return Run(reader, options, images: null);
    }

    private static (CsvScan Scan, ProblemList Problems) Run(TextReader csv, DatasetOptions? options, IEnumerable<(string Path, long Size)>? images)
    {
        var index = new ImageIndex().AddLoose(
            (images ?? DefaultImages.Select(p => (p, 100L))).Select(i => new ImageEntry(i.Item1, ImageSource.Blob, i.Item2, "set/" + i.Item1)), "the dataset folder");
        var problems = new ProblemList((options ?? new DatasetOptions()).MaxProblems);
        var scan = new MatchupCsvValidator(index, options ?? new DatasetOptions(), problems).Validate(csv);
        return (scan, problems);
    }

    public static DatasetProblem Single(this ProblemList problems, string code)
    {
        var matching = problems.Listed.Where(p => p.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got: {string.Join(" | ", problems.Listed.Select(p => p.Message))}");
        return matching[0];
    }
}

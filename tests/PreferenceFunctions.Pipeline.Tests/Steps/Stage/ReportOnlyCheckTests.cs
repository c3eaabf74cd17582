using System.Text.Json;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>
/// The report-only check (<c>validate</c>: rows tallied, not held) and the staging check (rows kept) must print the same
/// report, problem for problem, since both run the one validator.
/// </summary>
public sealed class ReportOnlyCheckTests
{
    [Fact]
    public async Task CheckAsync_ReportOnlyOnBadRows_SameReportAsKeepingRows()
    {
        await WithDatasetAsync(zip: false, async (folder, images) =>
        {
            var (flux1, sd1, flux2, sd2, dalle) = (images["flux"][0], images["stable_diffusion"][0], images["flux"][1], images["stable_diffusion"][1], images["dall_e"][0]);
            // Ids derive from the images' paths in the dataset: loose images sit under images/.
            var derived = MatchupIds.Derive("a derived id", $"images/{flux2}", $"images/{dalle}");
            string[] rows =
            [
                "prompt,image1,image2,model1,id,note",
                $"a fox,{flux1},{sd1},,a1,first",
                $"a fox,{sd1},{flux1},,,same images swapped", // duplicate of row 2
                $"a cat,nope.png,{sd1},,,", // image not found
                $"a cow,{flux2},{sd2},,a1,", // id of row 2
                $"an owl,{sd2},{dalle},,{derived},", // explicit id of the derived form
                $"a derived id,{flux2},{dalle},,,", // derives row 6's id
                $"a pig,{sd2},{flux1},flux,,", // sd2 under model flux too; flux vs flux
                $" ,{flux1},{dalle},,,", // empty prompt
                $"\"a \"\"quoted\"\" hen\",{dalle},{flux2},,,",
            ];
            await File.WriteAllLinesAsync(Path.Combine(folder, DatasetFiles.Matchups), rows);

            var (kept, reportOnly) = await CheckBothWaysAsync(folder);

            Assert.Equal(Json(kept.Report), Json(reportOnly.Report));
            Assert.False(reportOnly.Report.Accepted);
            Assert.Contains(reportOnly.Report.Problems, p => p.Code == ProblemCodes.DuplicateId && p.Row == 7
                && p.Message.Contains($"\"{derived}\", is already the id of row 6", StringComparison.Ordinal));
            Assert.Equal([ProblemCodes.DuplicateMatchup, ProblemCodes.ImageNotFound, ProblemCodes.DuplicateId, ProblemCodes.DuplicateId, ProblemCodes.SameModel,
                ProblemCodes.EmptyPrompt], reportOnly.Report.Problems.Select(p => p.Code));
            Assert.Equal(2, reportOnly.Report.Models.Single(m => m.Name == "stable_diffusion").Images); // sd1, and sd2 of row 6
            Assert.Equal(3, reportOnly.Report.Models.Single(m => m.Name == "flux").Images); // flux1, flux2 and sd2 (row 8)
            Assert.Empty(reportOnly.Staged);
            Assert.Equal(kept.Report.Counts.Staged, kept.Staged.Count);
        });
    }

    [Fact]
    public async Task CheckAsync_ReportOnlyOnGeneratedZip_SameReportAsKeepingRows()
    {
        await WithDatasetAsync(zip: true, async (folder, _) =>
        {
            var (kept, reportOnly) = await CheckBothWaysAsync(folder);

            Assert.True(reportOnly.Report.Accepted, string.Join("\n", reportOnly.Report.Problems.Select(p => p.Message)));
            Assert.Equal(Json(kept.Report), Json(reportOnly.Report));
            Assert.Equal(60, reportOnly.Report.Counts.DistinctImages);
            Assert.Equal(30, reportOnly.Report.Counts.Staged);
        });
    }

    [Fact]
    public async Task CheckAsync_ReportOnlyOnThousandsOfRowsWithoutIds_SameReportAsKeepingRows()
    {
        await WithDatasetAsync(zip: true, async (folder, _) =>
        {
            // Past the rows sampled to size the de-duplication table from the file; no id column, so the report-only pass
            // skips the derived ids' SHA-256. Rows i and i + 1,200 repeat a prompt and pair (the second with its images swapped).
            var csv = Path.Combine(folder, DatasetFiles.Matchups);
            var pairs = File.ReadAllLines(csv).Skip(1).Select(line => line[(line.LastIndexOf('"') + 2)..].Split(',')).ToArray();
            var rows = Enumerable.Range(0, 3_000).Select(i => (Prompt: $"a lighthouse variation {i % 1_200}", Pair: pairs[i % pairs.Length], Swap: i >= 1_200))
                .Select(r => $"{r.Prompt},{(r.Swap ? r.Pair[1] : r.Pair[0])},{(r.Swap ? r.Pair[0] : r.Pair[1])}");
            await File.WriteAllLinesAsync(csv, ["prompt,image1,image2", .. rows]);

            var (kept, reportOnly) = await CheckBothWaysAsync(folder);

            Assert.Equal(Json(kept.Report), Json(reportOnly.Report));
            Assert.Equal((3_000, 1_800, 1_200), (reportOnly.Report.Counts.Rows, reportOnly.Report.Counts.DuplicatesRemoved, reportOnly.Report.Counts.Staged));
            Assert.Contains(reportOnly.Report.Problems, p => p is { Code: ProblemCodes.DuplicateMatchup, Row: 1_202 } && p.Message.Contains("as row 2 ", StringComparison.Ordinal));
        });
    }

    private static async Task<(DatasetCheckResult Kept, DatasetCheckResult ReportOnly)> CheckBothWaysAsync(string folder) =>
        (await LocalDatasetFolder.CheckAsync(folder, new DatasetOptions(), new PreferenceOptions(), CancellationToken.None),
         await LocalDatasetFolder.CheckAsync(folder, new DatasetOptions(), new PreferenceOptions(), CancellationToken.None, keepMatchups: false));

    private static string Json(ValidationReport report) => JsonSerializer.Serialize(report, DatasetJson.Indented);

    /// <summary>A generated dataset (30 matchups, 4 models) and its image paths by model, deleted afterwards.</summary>
    private static async Task WithDatasetAsync(bool zip, Func<string, Dictionary<string, List<string>>, Task> test)
    {
        var folder = Path.Combine(Path.GetTempPath(), UniqueName.For("report-only"));
        try
        {
            DatasetGenerator.Generate(new GenerateDatasetRequest(folder, Matchups: 30, Models: 4, Seed: 5, Zip: zip));
            var images = File.ReadAllLines(Path.Combine(folder, DatasetFiles.Matchups)).Skip(1)
                .SelectMany(line => line[(line.LastIndexOf('"') + 2)..].Split(','))
                .GroupBy(ModelNames.FromImagePath).ToDictionary(g => g.Key, g => g.Distinct().ToList());
            await test(folder, images);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

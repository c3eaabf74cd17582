using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

public sealed class VotesParquetTests
{
    private static VoteRow Row(int i, IReadOnlyDictionary<string, double> scores, string? age = "30-39") => new(
        "run-1", $"m-{i % 7}", $"prompt {i}, \"quoted\"", "flux", "sd3", $"flux_{i}.png", $"sd3_{i}.png",
        i % 5 == 0 ? "Both" : $"flux_{i}.png", i % 5 == 0 ? "Both" : "flux", i % 3 == 0 ? null : "DE", "de", age, "Female", "Student", scores);

    [Fact]
    public async Task WriteAsync_ThenReadAsync_GivesBackEveryRowWithEveryScoreDimension()
    {
        var rows = new[]
        {
            Row(1, new Dictionary<string, double> { ["global"] = 0.9, ["compare"] = 0.7 }),
            Row(2, new Dictionary<string, double> { ["global"] = 0.4 }, age: null),
            Row(3, new Dictionary<string, double>()),
        };
        using var file = new MemoryStream();

        var written = await VotesParquet.WriteAsync(rows, file);
        file.Position = 0;
        var read = await VotesParquet.ReadAsync(file).ToListAsync();

        Assert.Equal(3, written);
        Assert.Equal(rows.Select(Text), read.Select(Text));
        Assert.Equal(rows.Select(Scores), read.Select(Scores));
    }

    [Fact]
    public async Task WriteAsync_MoreRowsThanOneRowGroup_WritesThemAll()
    {
        var rows = Enumerable.Range(0, VotesParquet.RowGroupSize + 3)
            .Select(i => Row(i, new Dictionary<string, double> { ["global"] = i / 1000.0 })).ToList();
        using var file = new MemoryStream();

        await VotesParquet.WriteAsync(rows, file);
        file.Position = 0;
        var read = await VotesParquet.ReadAsync(file).ToListAsync();

        Assert.Equal(rows.Count, read.Count);
        Assert.Equal((VotesParquet.RowGroupSize + 2) / 1000.0, read[^1].UserScores["global"]);
    }

    [Fact]
    public async Task WriteAsync_EveryDimensionInTheFirstRowGroup_ReadsTheRowsOnce()
    {
        var rows = Enumerable.Range(0, VotesParquet.RowGroupSize + 3)
            .Select(i => Row(i, new Dictionary<string, double> { ["global"] = i / 1000.0 })).ToList();
        var reads = 0;
        using var file = new MemoryStream();

        var written = await VotesParquet.WriteAsync(() => { reads++; return rows.ToAsyncEnumerable(); }, file);

        Assert.Equal((rows.Count, 1), (written, reads));
    }

    [Fact]
    public async Task WriteAsync_DimensionFirstSeenAfterTheFirstRowGroup_StartsOverWithItsColumn()
    {
        // The schema is fixed when the first group is written; a later "compare" score must still get its column.
        var rows = Enumerable.Range(0, VotesParquet.RowGroupSize + 3)
            .Select(i => Row(i, i == VotesParquet.RowGroupSize + 1
                ? new Dictionary<string, double> { ["global"] = 0.5, ["compare"] = 0.25 }
                : new Dictionary<string, double> { ["global"] = i / 1000.0 })).ToList();
        var reads = 0;
        using var file = new MemoryStream();

        var written = await VotesParquet.WriteAsync(() => { reads++; return rows.ToAsyncEnumerable(); }, file);
        file.Position = 0;
        var read = await VotesParquet.ReadAsync(file).ToListAsync();

        Assert.Equal((rows.Count, 3), (written, reads));
        Assert.Equal(rows.Select(Text), read.Select(Text));
        Assert.Equal(rows.Select(Scores), read.Select(Scores));
    }

    [Fact]
    public async Task WriteAsync_ManyFilesAtOnce_EachIsByteForByteTheFileWrittenAlone()
    {
        // Two runs can write their exports at the same time in one host. A schema field shared between files had its
        // definition level raced to 2 (Parquet.Net sets it, then increments it, when a schema takes the field in).
        VoteRow[] rows = [Row(1, new Dictionary<string, double> { ["global"] = 0.5 })];
        static async Task<byte[]> WriteAsync(VoteRow[] rows)
        {
            using var file = new MemoryStream();
            await VotesParquet.WriteAsync(rows, file);
            return file.ToArray();
        }
        var alone = await WriteAsync(rows);

        var differing = 0;
        await Parallel.ForAsync(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
        {
            if (!(await WriteAsync(rows)).AsSpan().SequenceEqual(alone)) Interlocked.Increment(ref differing);
        });

        Assert.Equal(0, differing);
    }

    [Fact]
    public async Task ReadAsync_ParquetWithoutTheVotesColumns_SaysWhichAreMissing()
    {
        using var file = new MemoryStream();
        await Parquet.Serialization.ParquetSerializer.SerializeAsync(new[] { new { run_id = "r" } }, file);
        file.Position = 0;

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await VotesParquet.ReadAsync(file).ToListAsync());

        Assert.Contains("matchup_id", error.Message, StringComparison.Ordinal);
    }

    private static string Text(VoteRow r) => string.Join("|", r.RunId, r.MatchupId, r.Prompt, r.ModelA, r.ModelB, r.ImageA, r.ImageB,
        r.VotedFor, r.VotedModel, r.Country ?? "<null>", r.Language, r.Age ?? "<null>", r.Gender, r.Occupation);

    private static string Scores(VoteRow r) =>
        string.Join(",", r.UserScores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => FormattableString.Invariant($"{s.Key}={s.Value}")));
}

using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Local.Bench;

/// <summary>
/// Our share of writing a 100,000-matchup run's results: votes.parquet from the results document, read the way
/// VotesExportStore reads it (entries joined to outcomes, a row per vote), without storage. Before: a read for the
/// userScores dimensions, then a read to write; after: VotesParquet's one read. Then Parquet alone, the rows in memory.
/// </summary>
internal static class VotesExportBench
{
    private const int Repeats = 3;

    public static async Task RunAsync(int matchups)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-votes-{Environment.ProcessId}.json");
        var parquet = Path.Combine(Path.GetTempPath(), $"bench-votes-{Environment.ProcessId}.parquet");
        try
        {
            SyntheticResults.Write(path, matchups, models: 2, votesPerMatchup: 15, seed: 1); // the bench run's crowd: 15 votes a matchup
            Console.WriteLine($"votes export: {matchups:N0} matchups x 15 votes, {new FileInfo(path).Length / 1e6:N0} MB, load average " +
                $"{Load.Average()}; medians of {Repeats}, alternating");
            async IAsyncEnumerable<VoteRow> Rows()
            {
                await using var stream = File.OpenRead(path);
                await foreach (var outcome in MatchupOutcomeBuilder.ReadAsync(CompareResultsDocument.ReadEntriesAsync(stream)))
                    foreach (var row in VoteRow.FromOutcome("bench", outcome)) yield return row;
            }

            var before = new List<Measure>();
            var after = new List<Measure>();
            for (var i = 0; i < Repeats; i++)
            {
                before.Add(Measure.Median(1, () => Write(async output =>
                {
                    var dimensions = new HashSet<string>(StringComparer.Ordinal);
                    await foreach (var row in Rows()) dimensions.UnionWith(row.UserScores.Keys);
                    await VotesParquet.WriteAsync(Rows, output);
                })));
                after.Add(Measure.Median(1, () => Write(output => VotesParquet.WriteAsync(Rows, output))));
            }
            var rows = new List<VoteRow>();
            await foreach (var row in Rows()) rows.Add(row);
            var parquetAlone = Measure.Median(Repeats, () => Write(output => VotesParquet.WriteAsync(rows, output)));
            Console.WriteLine($"  before, a read for the dimensions and a read to write: {Middle(before).Describe(null)}");
            Console.WriteLine($"  after, one read: {Middle(after).Describe(null)} ({Middle(before).CpuSeconds / Middle(after).CpuSeconds:0.00}x less CPU)");
            Console.WriteLine($"  Parquet alone, {rows.Count:N0} rows in memory: {parquetAlone.Describe(null)} " +
                $"({parquetAlone.CpuSeconds * 1e6 / rows.Count:0.0} µs CPU a vote)");
        }
        finally
        {
            File.Delete(path);
            File.Delete(parquet);
        }

        void Write(Func<Stream, Task> write)
        {
            using var output = File.Create(parquet);
            write(output).GetAwaiter().GetResult();
        }
    }

    private static Measure Middle(List<Measure> runs) => new(runs.Select(r => r.WallSeconds).Order().ElementAt(runs.Count / 2),
        runs.Select(r => r.CpuSeconds).Order().ElementAt(runs.Count / 2));
}

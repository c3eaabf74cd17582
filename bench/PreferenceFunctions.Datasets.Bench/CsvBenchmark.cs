using System.Globalization;
using System.Diagnostics;
using System.Text;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>
/// Parse + validate throughput of <see cref="MatchupCsvValidator"/>: an in-memory CSV in the generator's shape, its
/// image index built once (as the stager does), every rule applied, 5 timed runs after a warm-up; median reported.
/// </summary>
public static class CsvBenchmark
{
    public static void Run(int rows)
    {
        var (csv, index) = Build(rows);
        var options = new DatasetOptions { MaxRows = rows };
        Console.WriteLine($"CSV parse + validate: {rows:N0} rows, {csv.Length / 1024 / 1024:N0} MiB of text, index of {index.Count:N0} images");
        Measure(csv, index, options); // warm-up: JIT, tiered compilation
        var runs = Enumerable.Range(0, 5).Select(_ => Measure(csv, index, options)).ToList();
        var last = runs[^1];
        Console.WriteLine($"  last run: allocated {last.AllocatedBytes / 1024.0 / 1024:N0} MiB ({last.AllocatedBytes / rows:N0} B/row), GC pause {last.GcPause.TotalSeconds:0.000} s, collections gen0/1/2 {last.Collections}");
        var wall = runs.Select(r => r.Wall).Order().ElementAt(2);
        var cpu = runs.Select(r => r.Cpu).Order().ElementAt(2);
        Console.WriteLine($"  runs wall (s): {string.Join(", ", runs.Select(r => r.Wall.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)))}; cpu (s): {string.Join(", ", runs.Select(r => r.Cpu.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"  median wall {wall.TotalSeconds:0.000} s = {rows / wall.TotalSeconds:N0} rows/s; median CPU {cpu.TotalSeconds:0.000} s = {rows / cpu.TotalSeconds:N0} rows/CPU-s (target >= 1,000,000 rows/s)");
    }

    /// <summary>Wall time, this process's CPU time (incl. GC), bytes allocated and GC pauses: on a shared machine the CPU time shows the code's own cost.</summary>
    private static RunResult Measure(string csv, ImageIndex index, DatasetOptions options)
    {
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var pauseBefore = GC.GetTotalPauseDuration();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var problems = new ProblemList(options.MaxProblems);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var scan = new MatchupCsvValidator(index, options, problems).Validate(new StringReader(csv));
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var collections = string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
        if (problems.ErrorCount > 0 || scan.Matchups.Count != scan.DataRows)
            throw new InvalidOperationException($"Benchmark data did not validate: {(problems.Listed.Count > 0 ? problems.Listed[0].Message : "")}");
        return new RunResult(watch.Elapsed, cpu, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, GC.GetTotalPauseDuration() - pauseBefore, collections);
    }

    private sealed record RunResult(TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes, TimeSpan GcPause, string Collections);

    private static (string Csv, ImageIndex Index) Build(int rows)
    {
        var text = new StringBuilder(rows * 100).Append("prompt,image1,image2,prompt_id\n");
        var images = new List<ImageEntry>(rows * 2);
        var random = new Random(5);
        for (var i = 0; i < rows; i++)
        {
            var (a, b) = (DatasetGenerator.ModelName(random.Next(4)), DatasetGenerator.ModelName(4 + random.Next(4)));
            var image1 = $"{a}/{a}_{i}_0.png";
            var image2 = $"{b}/{b}_{i}_1.png";
            text.Append(CultureInfo.InvariantCulture, $"\"A lighthouse on a cliff during a thunderstorm, variation {i}\",{image1},{image2},{i}\n");
            images.Add(new ImageEntry(image1, ImageSource.Zip, 120, image1));
            images.Add(new ImageEntry(image2, ImageSource.Zip, 120, image2));
        }
        return (text.ToString(), new ImageIndex().AddScope(DatasetFiles.Zip, images, [""]));
    }
}

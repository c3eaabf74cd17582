using System.Diagnostics;
using System.Text;
using nietras.SeparatedValues;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>
/// The least any <c>validate</c> must do with the rows: read matchups.csv as the command does (UTF-8, 1 MiB blocks) and
/// parse it with Sep (quotes unescaped), touching the prompt and both image cells, with no rule applied. Timed in this
/// process after a warm-up (no process start, no JIT), median of 3: the one-thread floor of the CSV pass.
/// </summary>
internal static class CsvParseFloor
{
    public static (double Wall, double Cpu) Measure(string csvPath)
    {
        Parse(csvPath); // warm-up: JIT, page cache
        var runs = Enumerable.Range(0, 3).Select(_ => Timed(csvPath)).ToList();
        return (runs.Select(r => r.Wall).Order().ElementAt(1), runs.Select(r => r.Cpu).Order().ElementAt(1));
    }

    private static (double Wall, double Cpu) Timed(string csvPath)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Parse(csvPath);
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static long Parse(string csvPath)
    {
        var file = new FileStream(csvPath, new FileStreamOptions { BufferSize = 0, Options = FileOptions.SequentialScan });
        using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 20);
        using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true }).From(text);
        var characters = 0L; // used, so the cells' parsing cannot be skipped
        foreach (var row in reader) characters += row[0].Span.Length + row[1].Span.Length + row[2].Span.Length;
        return characters;
    }
}

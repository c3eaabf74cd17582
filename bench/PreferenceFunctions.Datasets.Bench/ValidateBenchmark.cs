using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using PreferenceFunctions.Analysis.Bench;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;

namespace PreferenceFunctions.Datasets.Bench;

/// <summary>
/// <c>validate</c> as a user runs it, process start included: a 1,000,000-row matchups.csv against a 2,000-image
/// images.zip, checked by the command line (i) as a built Release program, (ii) as the native CLI (Native AOT, published
/// to artifacts/cli first when missing or stale, <see cref="NativeCli"/>), (iii) through <c>dotnet run -c Release
/// --no-build</c>, (iv) with <c>validate-debug</c>, through plain <c>dotnet run</c> (Debug, with its build check); then bench/reference/validate_pandas.py
/// when python3 has pandas. Also printed for (i) and (ii): the CPU of each thread of one more run, and the floor (start-up,
/// the first 1,000 rows, reading + Sep-parsing every row without rules, <see cref="CsvParseFloor"/>).
/// </summary>
public static class ValidateBenchmark
{
    public static void Run(int rows, bool withDebugRun)
    {
        var root = Repository.Root();
        var folder = Directory.CreateTempSubdirectory("validate-bench-").FullName;
        try
        {
            Build(folder, rows);
            Console.WriteLine($"validate: {rows:N0} rows, {new FileInfo(Path.Combine(folder, DatasetFiles.Matchups)).Length / 1e6:N0} MB matchups.csv, " +
                $"2,000 images in images.zip; load average {Load.Average()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            var project = Path.Combine(root, "src", "PreferenceFunctions.Local");
            var release = Path.Combine(project, "bin", "Release", "net10.0", "PreferenceFunctions.Local.dll");
            var programs = new List<(string Name, string[] Command)>();
            if (File.Exists(release))
                programs.Add(("built Release program (dotnet PreferenceFunctions.Local.dll validate)", ["dotnet", release]));
            else Console.WriteLine($"  skipped the Release program: build it first (dotnet build -c Release {project})");
            if (NativeCli.EnsurePublished(root) is { } native)
                programs.Add(("native CLI (artifacts/cli/PreferenceFunctions.Cli validate)", [native]));
            var parse = CsvParseFloor.Measure(Path.Combine(folder, DatasetFiles.Matchups));
            Console.WriteLine($"  floor: read + Sep-parse the {rows:N0} rows, no rules (in the bench's process, warm, median of 3): " +
                $"{parse.Wall:N2} s wall / {parse.Cpu:N2} s CPU");
            var firstRows = FirstRows(folder, 1_000);
            var walls = programs.Select(p => (p.Name, Wall: Measure(p.Name, p.Command, folder, firstRows, parse.Wall))).ToList();
            if (File.Exists(release))
                Time("dotnet run -c Release --no-build", "dotnet", "run", "-c", "Release", "--no-build", "--project", project, "--", "validate", folder);
            if (withDebugRun) Time("dotnet run (Debug, build check included)", "dotnet", "run", "--project", project, "--", "validate", folder);
            var pandas = Python(Path.Combine(root, "bench", "reference", "validate_pandas.py"), folder);
            Console.WriteLine(pandas is null ? "  pandas reference: skipped (python3 with pandas not found)"
                : $"  pandas reference: {pandas:N2} s; goal >= 10x, i.e. <= {pandas / 10:N2} s wall; load average {Load.Average()}");
            foreach (var (name, wall) in walls.Where(_ => pandas is not null))
                Console.WriteLine($"    {name}: {pandas / wall:N1}x faster than pandas ({(pandas / wall >= 10 ? "met" : "not met")})");
            if (walls.Count == 2)
                Console.WriteLine($"  native CLI vs the JIT program: {walls[0].Wall / walls[1].Wall:N2}x by median wall " +
                    $"({walls[0].Wall:N2} -> {walls[1].Wall:N2} s)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (Directory.Exists(folder + "-first-rows")) Directory.Delete(folder + "-first-rows", recursive: true);
        }
    }

    /// <summary>2,000 images from the generator, then rows pairing them with a unique prompt each (no duplicates).</summary>
    private static void Build(string folder, int rows)
    {
        DatasetGenerator.Generate(new GenerateDatasetRequest(folder, Matchups: 1_000, Models: 4, Seed: 3, Zip: true));
        var pairs = File.ReadAllLines(Path.Combine(folder, DatasetFiles.Matchups)).Skip(1)
            .Select(line => line[(line.LastIndexOf('"') + 2)..]).ToArray();
        using var csv = new StreamWriter(Path.Combine(folder, DatasetFiles.Matchups), false, new UTF8Encoding(false), 1 << 20);
        csv.Write("prompt,image1,image2\n");
        for (var i = 0; i < rows; i++)
            csv.Write(string.Create(CultureInfo.InvariantCulture, $"\"A lighthouse on a cliff during a thunderstorm, variation {i}\",{pairs[i % pairs.Length]}\n"));
        using var zip = ZipFile.OpenRead(Path.Combine(folder, DatasetFiles.Zip));
        if (zip.Entries.Count != 2_000) throw new InvalidOperationException($"expected 2,000 images, the generator wrote {zip.Entries.Count}");
    }

    /// <summary>
    /// One program (<paramref name="command"/>: the program and the arguments before <c>validate</c>): the median of 3
    /// on the whole dataset, the CPU per thread of one more run, and the floor (start-up, the first 1,000 rows); returns the median wall.
    /// </summary>
    private static double Measure(string name, string[] command, string folder, string firstRows, double parseWall)
    {
        string[] Validate(string target) => [.. command[1..], "validate", target];
        Time(name, command[0], Validate(folder)); // warm the page cache
        var wall = MedianOf3(name, command[0], Validate(folder)).Wall;
        var threads = ThreadCpu.Of(Start(command[0], Validate(folder)));
        Console.WriteLine($"  CPU per thread, one more run (the busiest bounds the idle wall time): {string.Join(", ", threads.Take(4).Select(t => $"{t.Thread} {t.Cpu:N2} s"))}");
        // The floor under the CSV pass: process start and the command line, then everything but the rows.
        MedianOf3("floor: process start (validate --help)", command[0], Validate("--help"));
        var fixedWork = MedianOf3("floor: the first 1,000 rows, same images.zip (start, zip index, 2,000 images hashed)", command[0], Validate(firstRows));
        Console.WriteLine($"  floor: the first 1,000 rows' run + the rows' read and parse: {fixedWork.Wall + parseWall:N2} s wall, " +
            $"the least a one-thread parse allows; load average {Load.Average()}");
        return wall;
    }

    /// <summary>Three timed runs; prints and returns the medians of wall and CPU time.</summary>
    private static (double Wall, double Cpu) MedianOf3(string name, string program, params string[] arguments)
    {
        var runs = Enumerable.Range(0, 3).Select(_ => Time(name, program, arguments)).ToList();
        var median = (runs.Select(r => r.Wall).Order().ElementAt(1), runs.Select(r => r.Cpu).Order().ElementAt(1));
        Console.WriteLine($"  median of 3: {median.Item1:N2} s wall / {median.Item2:N2} s CPU");
        return median;
    }

    /// <summary>A folder beside <paramref name="folder"/> with the same images.zip and the first <paramref name="rows"/> rows of matchups.csv.</summary>
    private static string FirstRows(string folder, int rows)
    {
        var small = folder + "-first-rows"; // beside it: inside, its files would be loose images of the big dataset
        Directory.CreateDirectory(small);
        File.Copy(Path.Combine(folder, DatasetFiles.Zip), Path.Combine(small, DatasetFiles.Zip), overwrite: true);
        File.WriteAllLines(Path.Combine(small, DatasetFiles.Matchups), File.ReadLines(Path.Combine(folder, DatasetFiles.Matchups)).Take(rows + 1));
        return small;
    }

    /// <summary>Runs the command under /usr/bin/time and prints wall and CPU (user + sys); returns both, in seconds.</summary>
    private static (double Wall, double Cpu) Time(string name, string program, params string[] arguments)
    {
        using var process = Process.Start(Start("/usr/bin/time", [.. new[] { "-f", "%e %U %S", program }.Concat(arguments)]))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd().Trim().Split('\n');
        process.WaitForExit();
        var figures = error[^1].Split(' ').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var verdict = string.Join("; ", output.Result.Split('\n').Where(l => l.Contains("accepted", StringComparison.OrdinalIgnoreCase)
            || l.Contains("rejected", StringComparison.OrdinalIgnoreCase) || l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(3).Select(l => l.Trim()));
        Console.WriteLine($"  {name}: {figures[0]:N2} s wall / {figures[1] + figures[2]:N2} s CPU, exit {process.ExitCode} " +
            $"({(verdict.Length > 0 ? verdict : string.Join(" ", error[..^1]).Trim())}); load average {Load.Average()}");
        return (figures[0], figures[1] + figures[2]);
    }

    /// <summary>The command with the bench's settings, its output captured.</summary>
    private static ProcessStartInfo Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["Preference__Datasets__MaxRows"] = "2000000"; // the default caps: 200,000 rows
        start.Environment["Preference__MaxVotesPerRun"] = "100000000"; // and 100,000 votes per run
        return start;
    }

    private static double? Python(string script, string folder)
    {
        try
        {
            using var check = Process.Start(new ProcessStartInfo("python3", "-c \"import pandas\"") { RedirectStandardError = true })!;
            check.WaitForExit();
            if (check.ExitCode != 0) return null;
            using var run = Process.Start(new ProcessStartInfo("python3") { ArgumentList = { script, folder }, RedirectStandardOutput = true })!;
            var last = run.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
            run.WaitForExit();
            return double.Parse(last.Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

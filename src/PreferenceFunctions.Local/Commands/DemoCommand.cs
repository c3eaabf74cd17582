using System.CommandLine;
using PreferenceFunctions.Local.Demo;
using PreferenceFunctions.Pipeline.Kernel;
using Spectre.Console;

namespace PreferenceFunctions.Local.Commands;

/// <summary><c>demo [--output DIR] [--flow jobs|orders]</c>: the sample dataset through the whole pipeline on this machine.</summary>
public static class DemoCommand
{
    public const string SampleDataset = "flux-vs-sd3";

    public static Command Create()
    {
        var output = new Option<string>("--output")
        {
            Description = "Folder for results.json, matchups.csv, models.csv and report.html.",
            DefaultValueFactory = _ => "demo-output",
        };
        var folder = new Option<string?>("--folder")
        {
            Description = $"Dataset folder to run instead of samples/{SampleDataset}.",
        };
        var timeout = new Option<int>("--timeout-minutes")
        {
            Description = "Give up when the run has not ended after this many minutes.",
            DefaultValueFactory = _ => 10,
        };
        var flow = new Option<RapidataFlow?>("--flow")
        {
            Description = "Rapidata flow: jobs (dataset, job definition, audience, job; the default) or orders (compare order).",
        };
        var command = new Command("demo", $"Run samples/{SampleDataset} end to end: Azurite, the Rapidata emulator, the local host.")
        {
            output, folder, timeout, flow,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataset = parse.GetValue(folder) ?? FindSample();
            if (dataset is null)
            {
                AnsiConsole.MarkupLine($"[red]samples/{SampleDataset} not found in the current folder or above; run from the repository, or pass --folder.[/]");
                return 2;
            }
            var name = new DirectoryInfo(dataset).Name;
            var settings = new DemoSettings(dataset, name, parse.GetValue(output)!, TimeSpan.FromMinutes(parse.GetValue(timeout)),
                parse.GetValue(flow));
            return await CommandErrors.RunAsync(() => new DemoRunner(AnsiConsole.Console).RunAsync(settings, cancellationToken));
        });
        return command;
    }

    private static string? FindSample()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", SampleDataset);
                if (File.Exists(Path.Combine(candidate, "matchups.csv"))) return candidate;
            }
        }
        return null;
    }
}

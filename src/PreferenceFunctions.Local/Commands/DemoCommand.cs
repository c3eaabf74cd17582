using System.CommandLine;
using PreferenceFunctions.Cli;
using PreferenceFunctions.Cli.Commands;
using PreferenceFunctions.Emulator;
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
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the emulator's crowd: the same seed gives the same votes and numbers.",
            DefaultValueFactory = _ => new CrowdOptions().Seed,
        };
        var command = new Command("demo", $"Run samples/{SampleDataset} end to end on an Azurite of its own, the Rapidata emulator " +
            "and the local host. Exit codes: 0 results in the tables, 1 the run failed or was rejected (its first problems are " +
            "printed), 2 usage error.")
        {
            output, folder, timeout, seed, flow,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(folder);
            var dataset = given is null ? FindSample() : ValidateCommand.UserPath(given);
            if (dataset is null)
                return CommandErrors.Usage(parse,
                    $"samples/{SampleDataset} not found in the current folder or above; run from the repository, or pass --folder");
            if (!File.Exists(Path.Combine(dataset, "matchups.csv")))
                return CommandErrors.Usage(parse, $"\"{dataset}\" has no matchups.csv");
            if (File.Exists(parse.GetValue(output)!))
                return CommandErrors.Usage(parse, $"--output \"{parse.GetValue(output)}\" is a file; give a folder");
            if (parse.GetValue(timeout) < 1) return CommandErrors.Usage(parse, "--timeout-minutes must be at least 1");
            var name = new DirectoryInfo(dataset).Name;
            var settings = new DemoSettings(dataset, name, parse.GetValue(output)!, TimeSpan.FromMinutes(parse.GetValue(timeout)),
                parse.GetValue(flow))
            {
                Seed = parse.GetValue(seed),
            };
            return await HostCommandErrors.RunAsync(parse, () => new DemoRunner(AnsiConsole.Console).RunAsync(settings, cancellationToken));
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

using System.CommandLine;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;

namespace PreferenceFunctions.Cli.Commands;

/// <summary><c>generate-dataset &lt;folder&gt;</c>: writes a valid synthetic dataset of any size for tests and benchmarks.</summary>
public static class GenerateDatasetCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Folder to write matchups.csv and the images into" };
        var matchups = new Option<int>("--matchups") { Description = "Number of matchups (CSV rows)", DefaultValueFactory = _ => 40 };
        var models = new Option<int>("--models") { Description = "Number of models (2: flux and stable_diffusion)", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same dataset", DefaultValueFactory = _ => 1 };
        var zip = new Option<bool>("--zip") { Description = "Put the images in images.zip (default: loose files under images/)" };
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty (files of the same name are replaced)" };
        var command = new Command("generate-dataset", "Write a synthetic dataset (matchups.csv + small distinct PNGs) for tests and benchmarks. " +
            "Exit codes: 0 written, 2 usage error (bad counts, folder not empty without --force).")
        {
            folder, matchups, models, seed, zip, force,
        };
        command.SetAction((parse, _) =>
        {
            var request = new GenerateDatasetRequest(ValidateCommand.UserPath(parse.GetValue(folder)!), parse.GetValue(matchups), parse.GetValue(models), parse.GetValue(seed), parse.GetValue(zip));
            if (request.Matchups < 1 || request.Models < 2)
                return Task.FromResult(CommandErrors.Usage(parse, "--matchups must be at least 1 and --models at least 2"));
            if (File.Exists(request.Folder))
                return Task.FromResult(CommandErrors.Usage(parse, $"\"{request.Folder}\" is a file; give a folder"));
            if (!parse.GetValue(force) && Directory.Exists(request.Folder) && Directory.EnumerateFileSystemEntries(request.Folder).Any())
                return Task.FromResult(CommandErrors.Usage(parse, $"folder \"{request.Folder}\" is not empty; pass --force to write into it anyway"));
            DatasetGenerator.Generate(request);
            parse.InvocationConfiguration.Output.WriteLine($"Wrote {request.Matchups:N0} matchups over {request.Models} models to {Path.GetFullPath(request.Folder)}{(request.Zip ? " (images.zip)" : " (images/)")}");
            return Task.FromResult(0);
        });
        return command;
    }
}

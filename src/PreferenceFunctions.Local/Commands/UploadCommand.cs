using System.Globalization;
using System.CommandLine;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Hosting;
using PreferenceFunctions.Pipeline.Kernel;
using Spectre.Console;

namespace PreferenceFunctions.Local.Commands;

/// <summary><c>upload &lt;folder&gt; [--dataset NAME]</c>: puts a dataset into the datasets container (images first, CSV last).</summary>
public static class UploadCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Dataset folder: images (any layout) and matchups.csv at the top." };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset name in the container (default: the folder's name)." };
        var command = new Command("upload", "Upload a dataset folder to the datasets container of AzureWebJobsStorage; a running host starts the run.")
        {
            folder, dataset,
        };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(async () =>
        {
            var path = parse.GetValue(folder)!;
            var name = parse.GetValue(dataset) ?? new DirectoryInfo(path).Name;
            var configuration = LocalConfiguration.Load();
            var options = configuration.GetSection(PreferenceOptions.SectionName).Get<PreferenceOptions>() ?? new PreferenceOptions();
            var storage = StorageConnection.FromConfiguration(configuration);
            var uploader = new DatasetUploader(storage.Blobs.GetBlobContainerClient(options.DatasetsContainer));
            var upload = await uploader.UploadAsync(path, name, cancellationToken: cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Uploaded {upload.Files} files to {upload.Container}/{upload.Dataset}/ (matchups.csv last).");
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Run id: [bold]{upload.RunId}[/]  (follow it: status {upload.RunId} --follow)");
            return 0;
        }));
        return command;
    }
}

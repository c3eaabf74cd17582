using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using PreferenceFunctions.Cli;
using PreferenceFunctions.Cli.Commands;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Hosting;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Notify;

namespace PreferenceFunctions.Local.Commands;

/// <summary>
/// <c>upload &lt;folder&gt; [--dataset NAME] [--no-validate]</c>: checks the folder as <c>validate</c> does, then puts it into
/// the datasets container (images first, CSV last).
/// </summary>
public static class UploadCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "Dataset folder: images (any layout) and matchups.csv at the top." };
        var dataset = new Option<string?>("--dataset") { Description = "Dataset name in the container (default: the folder's name)." };
        var noValidate = new Option<bool>("--no-validate") { Description = "Upload without checking the folder first (the run validates it anyway)." };
        var command = new Command("upload", "Check a dataset folder, then upload it to the datasets container of AzureWebJobsStorage; " +
            "a running host starts the run. Exit codes: 0 uploaded, 1 folder rejected (nothing uploaded) or storage unreachable, 2 usage error.")
        {
            folder, dataset, noValidate,
        };
        command.SetAction((parse, cancellationToken) => HostCommandErrors.RunAsync(parse, async () =>
        {
            var path = ValidateCommand.UserPath(parse.GetValue(folder)!);
            if (!Directory.Exists(path)) return CommandErrors.Usage(parse, $"folder \"{path}\" does not exist");
            var name = parse.GetValue(dataset) ?? new DirectoryInfo(path).Name;
            var console = parse.InvocationConfiguration;
            if (!parse.GetValue(noValidate))
            {
                var report = await ValidateCommand.CheckAsync(path, cancellationToken);
                if (!report.Accepted)
                {
                    await console.Error.WriteAsync(RejectionProblems.Render(report, $"'validate {path}'"));
                    return CommandErrors.Fail(parse, "the folder would be rejected; nothing uploaded (fix it, or pass --no-validate)");
                }
            }
            var configuration = LocalConfiguration.Load();
            if (await StorageProbe.ProblemAsync(configuration, cancellationToken) is { } problem) return CommandErrors.Fail(parse, problem);
            var options = configuration.GetSection(PreferenceOptions.SectionName).Get<PreferenceOptions>() ?? new PreferenceOptions();
            var storage = StorageConnection.FromConfiguration(configuration);
            var uploader = new DatasetUploader(storage.Blobs.GetBlobContainerClient(options.DatasetsContainer));
            var upload = await uploader.UploadAsync(path, name, cancellationToken: cancellationToken);
            await console.Output.WriteLineAsync($"Uploaded {upload.Files} files to {upload.Container}/{upload.Dataset}/ (matchups.csv last).");
            await console.Output.WriteLineAsync($"Run id: {upload.RunId}  (follow it: status {upload.RunId} --follow)");
            if (WebhookSecretLines(path, configuration[$"{NotificationOptions.SectionName}:WebhookSecret"], upload.RunId) is { } lines)
                await console.Output.WriteAsync(lines);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>
    /// When order.json names a webhook: the secret that signs this run's events (HMAC of the run id with the operator's
    /// secret), shown once here as the start API shows it once, and how to check signatures; null without a webhook.
    /// </summary>
    internal static string? WebhookSecretLines(string folder, string? operatorSecret, string runId)
    {
        var orderJson = Path.Combine(folder, "order.json");
        string? webhook;
        try
        {
            webhook = File.Exists(orderJson) ? JsonNode.Parse(File.ReadAllText(orderJson))?["webhook"]?.GetValue<string>() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // validation reports a broken order.json
        }
        if (string.IsNullOrWhiteSpace(webhook)) return null;
        if (string.IsNullOrWhiteSpace(operatorSecret))
            return $"order.json has a webhook, but Notifications__WebhookSecret is not set: the run will be rejected ({RunWebhookSeal.NeedsSecret}).{Environment.NewLine}";
        return $"Webhook secret of this run (shown once; keep it): {WebhookSecrets.ForRun(operatorSecret, runId)}{Environment.NewLine}" +
            "Verify every webhook call with it: the webhook-signature header is Standard Webhooks (HMAC-SHA256 of id.timestamp.body); " +
            $"see docs/events.md#verifying-a-webhook-signature.{Environment.NewLine}";
    }
}

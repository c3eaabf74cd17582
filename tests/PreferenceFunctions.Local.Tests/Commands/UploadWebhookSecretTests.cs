using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using PreferenceFunctions.Cli;
using PreferenceFunctions.Local.Commands;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Commands;

/// <summary>upload shows the run's webhook secret once (as the start API does) when order.json names a webhook.</summary>
public sealed class UploadWebhookSecretTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hooked-").FullName;

    [Fact]
    public async Task Upload_OrderJsonWithWebhook_PrintsTheRunsSecretAndHowToVerify()
    {
        WriteSample(webhook: "https://hooks.example/x?token=abc");
        var secret = WebhookSecrets.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var container = UniqueName.For("datasets");
        var storage = await Azurite.GetConnectionStringAsync();
        try
        {
            var run = await CliRun.InvokeWithEnvironmentAsync(new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = storage,
                ["Preference__DatasetsContainer"] = container,
                ["Notifications__WebhookSecret"] = secret,
            }, "upload", _folder, "--dataset", "hooked");

            Assert.True(run.Exit == ExitCodes.Ok, run.Error);
            var runId = Regex.Match(run.Output, "Run id: (\\S+)").Groups[1].Value;
            Assert.Contains($"Webhook secret of this run (shown once; keep it): {WebhookSecrets.ForRun(secret, runId)}", run.Output);
            Assert.Contains("docs/events.md#verifying-a-webhook-signature", run.Output);
            Assert.DoesNotContain(secret, run.Output); // never the operator's own secret
        }
        finally
        {
            await new BlobContainerClient(storage, container).DeleteIfExistsAsync();
        }
    }

    [Fact]
    public void WebhookSecretLines_NoOperatorSecret_SaysTheRunWillBeRejected()
    {
        WriteSample(webhook: "https://hooks.example/x");

        var lines = UploadCommand.WebhookSecretLines(_folder, operatorSecret: null, "run-1");

        Assert.StartsWith("order.json has a webhook, but Notifications__WebhookSecret is not set: the run will be rejected", lines);
    }

    [Fact]
    public void WebhookSecretLines_NoWebhook_Nothing()
    {
        WriteSample(webhook: null);

        Assert.Null(UploadCommand.WebhookSecretLines(_folder, WebhookSecrets.Prefix + Convert.ToBase64String(new byte[32]), "run-1"));
    }

    private void WriteSample(string? webhook)
    {
        var sample = Path.Combine(Azurite.RepositoryRoot(), "samples", "flux-vs-sd3");
        foreach (var file in Directory.EnumerateFiles(sample)) File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)), overwrite: true);
        var order = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "order.json")))!.AsObject();
        if (webhook is null) order.Remove("webhook");
        else order["webhook"] = webhook;
        File.WriteAllText(Path.Combine(_folder, "order.json"), order.ToJsonString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

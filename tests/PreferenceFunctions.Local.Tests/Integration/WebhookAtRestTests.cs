using System.IO.Compression;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Notify;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Integration;

/// <summary>
/// A run's own webhook URL carries a token: after runs started by an upload (order.json) and by the HTTP API
/// (settings.webhook), the token is nowhere in storage: not in the run's blobs, its row, the task hub's history, instances,
/// large messages and queues, nor in the status API.
/// </summary>
public sealed class WebhookAtRestTests
{
    private const string Token = "SECRET";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Runs_WithTokenInWebhookUrl_TokenStoredNowhere()
    {
        await using var harness = await PipelineHarness.StartAsync();
        await using var host = await harness.StartInProcessHostAsync(extra: new Dictionary<string, string?>
        {
            ["Notifications:WebhookSecret"] = WebhookSecrets.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Notifications:WebhookMaxAttempts"] = "1",
        });
        var folder = Directory.CreateTempSubdirectory("hooked-").FullName;
        try
        {
            CopySampleWithWebhook(folder, $"https://hooks.example/x?token={Token}");
            var uploaded = await new DatasetUploader(harness.Storage.Blobs.GetBlobContainerClient(harness.DatasetsContainer)).UploadAsync(folder, "hooked");
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/runs")
            {
                Content = JsonContent.Create(new { dataset = "hooked", settings = new { webhook = $"https://hooks.example/y?token={Token}2" } }),
            };
            request.Headers.Add("Idempotency-Key", "hooked-1");
            var started = await http.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
            var httpRunId = JsonNode.Parse(await started.Content.ReadAsStringAsync())!["runId"]!.GetValue<string>();

            var runIds = new[] { uploaded.RunId, httpRunId };
            foreach (var runId in runIds)
            {
                var run = await harness.WaitForEndAsync(runId, RunTimeout);
                Assert.Equal(RunStatus.Completed, run!.Status);
                // The webhook was opened and tried (hooks.example does not resolve here): its URL was usable from its sealed form.
                Assert.Contains("run-webhook", run.NotificationFailures);
            }

            var stored = new List<(string Where, string Text)>();
            stored.AddRange(await HubTablesAsync(harness));
            foreach (var runId in runIds)
            {
                var row = await harness.Storage.Tables.GetTableClient("PreferenceRuns").GetEntityAsync<TableEntity>("run", runId);
                stored.Add(($"PreferenceRuns/{runId}", string.Join("\n", row.Value.Select(p => $"{p.Key}={p.Value}"))));
                stored.Add(($"GET /api/runs/{runId}", await http.GetStringAsync($"api/runs/{runId}")));
            }
            stored.AddRange(await BlobsAsync(harness, c => c == harness.RunsContainer || c.StartsWith(harness.TaskHub, StringComparison.OrdinalIgnoreCase)));
            stored.AddRange(await QueuesAsync(harness));

            // The scan reads what it should: the history holds the sealed URLs, validation.json the redacted one.
            Assert.Contains(stored, s => s.Where.StartsWith(harness.TaskHub, StringComparison.OrdinalIgnoreCase)
                && s.Text.Contains(RunWebhookSeal.Prefix, StringComparison.Ordinal));
            Assert.Contains(stored, s => s.Where.EndsWith("validation.json", StringComparison.Ordinal) && s.Text.Contains("https://hooks.example/x?"));
            var leaks = stored.Where(s => s.Text.Contains(Token, StringComparison.Ordinal)).Select(s => s.Where).ToList();
            Assert.True(leaks.Count == 0, $"the webhook token is stored in: {string.Join(", ", leaks)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CopySampleWithWebhook(string target, string webhook)
    {
        var sample = Path.Combine(Azurite.RepositoryRoot(), "samples", PipelineHarness.SampleDataset);
        foreach (var file in Directory.EnumerateFiles(sample)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        var order = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "order.json")))!.AsObject();
        order["webhook"] = webhook;
        File.WriteAllText(Path.Combine(target, "order.json"), order.ToJsonString());
    }

    private static async Task<List<(string, string)>> HubTablesAsync(PipelineHarness harness)
    {
        var found = new List<(string, string)>();
        await foreach (var table in harness.Storage.Tables.QueryAsync())
        {
            if (!table.Name.StartsWith(harness.TaskHub, StringComparison.OrdinalIgnoreCase)) continue;
            await foreach (var entity in harness.Storage.Tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
                found.Add(($"{table.Name}/{entity.PartitionKey}/{entity.RowKey}", string.Join("\n", entity.Select(p => $"{p.Key}={p.Value}"))));
        }
        Assert.Contains(found, f => f.Item1.Contains("History", StringComparison.Ordinal));
        return found;
    }

    private static async Task<List<(string, string)>> BlobsAsync(PipelineHarness harness, Func<string, bool> wanted)
    {
        var found = new List<(string, string)>();
        await foreach (var container in harness.Storage.Blobs.GetBlobContainersAsync())
        {
            if (!wanted(container.Name)) continue;
            var client = harness.Storage.Blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var bytes = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                found.Add(($"{container.Name}/{blob.Name}", Text(bytes)));
            }
        }
        return found;
    }

    private static async Task<List<(string, string)>> QueuesAsync(PipelineHarness harness)
    {
        var found = new List<(string, string)>();
        await foreach (var queue in harness.Storage.Queues.GetQueuesAsync(prefix: harness.TaskHub.ToLowerInvariant()))
        {
            var messages = await harness.Storage.Queues.GetQueueClient(queue.Name).PeekMessagesAsync(32);
            found.AddRange(messages.Value.Select(m => ($"{queue.Name}/{m.MessageId}", m.Body.ToString())));
        }
        return found;
    }

    /// <summary>Blob text, gunzipped when compressed (the task hub compresses large messages).</summary>
    private static string Text(byte[] bytes)
    {
        if (bytes is not [0x1f, 0x8b, ..]) return Encoding.UTF8.GetString(bytes);
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using PreferenceFunctions.Api;
using PreferenceFunctions.Local.Tests.Support;
using PreferenceFunctions.Pipeline.Hosting;
using PreferenceFunctions.Pipeline.Kernel.Telemetry;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata.Telemetry;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Local.Tests.Telemetry;

/// <summary>
/// A run on the local stack (Azurite, the durable engine, the emulator over HTTP) traced into an in-memory exporter: the
/// span tree, the run id on every span of the run's trace, the counters of <c>GET /api/metrics</c> against the run's row
/// and the emulator, the usage in <c>GET /api/runs/{runId}</c>, and no secret in any span.
/// </summary>
public sealed class RunTelemetryTests
{
    private const string WebhookToken = "telemetry-secret-token";
    private static readonly string WebhookSecret = "whsec_" + Convert.ToBase64String("telemetry-test-signing-key-32byt"u8);
    private static readonly string[] Steps =
        ["LoadDataset", "CreateOrder", "UploadChunk", "SubmitOrder", "GetOrderStatus", "DownloadResults", "WriteResults", "RenderReport", "Notify"];

    [Fact]
    public async Task Run_OnLocalStack_IsTracedAndCounted()
    {
        using var votes = new VotesListener();
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(PipelineTelemetry.Name, RapidataTelemetry.Name, PreferenceTelemetryServiceCollectionExtensions.DurableTaskSourceName)
            .AddHttpClientInstrumentation()
            .AddProcessor(new RunIdSpanProcessor())
            .AddInMemoryExporter(spans)
            .Build();
        await using var harness = await PipelineHarness.StartAsync();
        var host = await harness.StartInProcessHostAsync(extra: new Dictionary<string, string?>
        {
            ["Notifications:WebhookUrl"] = $"http://127.0.0.1:{FreePort.Next()}/hooks/run?token={WebhookToken}",
            ["Notifications:WebhookSecret"] = WebhookSecret,
            ["Notifications:AllowInsecureLocalWebhooks"] = "true",
            ["Notifications:WebhookMaxAttempts"] = "1",
        });
        string runId;
        PreferenceRunEntity run;
        MetricsBody metrics;
        DateTimeOffset metricsAsked;
        RunView view;
        await using (host)
        {
            runId = (await harness.DropSampleAsync()).RunId;
            await harness.WaitForEndAsync(runId, TimeSpan.FromMinutes(3));
            using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(runId, wait.Token);
            run = (await harness.Runs.GetAsync(runId))!;
            metricsAsked = DateTimeOffset.UtcNow;
            metrics = (await new HttpClient { BaseAddress = host.BaseAddress }.GetFromJsonAsync<MetricsBody>("api/metrics", ApiJson.Options))!;
            view = (await host.Api.GetRunAsync(runId))!;
        }
        // Shut the provider down (it flushes first): other tests of this process keep making spans, and none may be added
        // to the list while it is read.
        tracing.Dispose();

        Assert.Equal(RunStatus.Completed, run.Status);
        AssertSpanTree(spans, runId, run);
        var emulatorVotes = (await harness.OrdersAsync()).Single().GetProperty("totalVotes").GetInt32();
        Assert.Equal(emulatorVotes, run.TotalVotes);
        AssertCounters(metrics.Metrics, run, spans);
        AssertVotesCounted(metrics, metricsAsked, votes, run.RowKey, emulatorVotes);
        AssertUsage(view.Usage!, run);
        AssertNoSecrets(spans, harness.Emulator.ClientSecret);
    }

    private static void AssertSpanTree(List<Activity> spans, string runId, PreferenceRunEntity run)
    {
        var ofRun = spans.Where(s => s.GetTagItem(PipelineTelemetry.RunIdTag) as string == runId).ToList();
        var trace = Assert.Single(ofRun.Select(s => s.TraceId).Distinct());
        var inTrace = spans.Where(s => s.TraceId == trace).ToList();
        // The engine's sidecar serves the worker's gRPC calls in the same trace; its own storage calls are the engine's.
        var untagged = inTrace.Where(s => !ServedBySidecar(s) && s.GetTagItem(PipelineTelemetry.RunIdTag) as string != runId)
            .Select(s => $"{s.DisplayName} {s.GetTagItem("url.full")} parent {s.Parent?.DisplayName ?? s.ParentSpanId.ToString()}").ToList();
        Assert.True(untagged.Count == 0, string.Join("\n", untagged));

        var byId = inTrace.ToDictionary(s => s.SpanId);
        var runSpan = Assert.Single(inTrace, s => s.DisplayName == "orchestration:PreferenceRunOrchestrator");
        var steps = inTrace.Where(s => s.Source.Name == PipelineTelemetry.Name).ToList();
        Assert.Superset(Steps.ToHashSet(), steps.Select(s => s.DisplayName).ToHashSet());
        Assert.All(steps, step => Assert.Contains(runSpan.SpanId, Ancestors(step, byId)));

        var calls = inTrace.Where(s => s.Source.Name == RapidataTelemetry.Name).ToList();
        Assert.All(calls, call => Assert.Equal(PipelineTelemetry.Name, byId[call.ParentSpanId].Source.Name));
        Assert.Contains(calls, call => call.GetTagItem("http.response.status_code") is 200);
        Assert.Equal(run.RapidataCalls, calls.Count);
    }

    private static void AssertCounters(List<MetricPoint> metrics, PreferenceRunEntity run, List<Activity> spans)
    {
        double Sum(string name, string? tag = null, string? value = null) => metrics
            .Where(m => m.Name == name && (tag is null || m.Tags.GetValueOrDefault(tag) == value)).Sum(m => m.Sum);

        Assert.Equal(1, Sum("preference.runs.started"));
        Assert.Equal(1, Sum("preference.runs.ended", "preference.run.status", "Completed"));
        Assert.Equal(0, Sum("preference.runs.ended", "preference.run.status", "Failed"));
        Assert.Equal(40, Sum("preference.matchups.staged"));
        Assert.Equal(run.AssetsUploaded!.Value, Sum("preference.images.uploaded"));
        Assert.Equal(run.AssetsReused!.Value, Sum("preference.images.reused"));
        Assert.True(Sum("preference.upload.bytes") > 0);
        Assert.Equal(spans.Count(s => s.Source.Name == RapidataTelemetry.Name), Sum("rapidata.client.responses"));
        Assert.Equal(spans.Count(s => s.DisplayName == "GetOrderStatus"),
            metrics.Where(m => m.Name == "preference.activity.duration" && m.Tags["preference.activity"] == "GetOrderStatus").Sum(m => m.Count));
        Assert.Equal(1, Sum("preference.order.transitions", "preference.order.to", "Created"));
    }

    /// <summary>
    /// The votes counter is the process's, and work of an earlier test's host can outlive that test (a CI run counted
    /// 1,200 votes here for this run's 600, not reproduced since; in-process engines were seen running on after their
    /// tests). So the test's own listener notes each vote count with the run of the span it was made under: this run's
    /// must be the emulator's votes, and the endpoint must hold exactly what was counted between the host's start and the
    /// request.
    /// </summary>
    private static void AssertVotesCounted(MetricsBody metrics, DateTimeOffset asked, VotesListener votes, string runId, int emulatorVotes)
    {
        var counted = votes.Counted.Where(c => c.At >= metrics.Since && c.At <= asked).ToList();
        var listing = $"counted from {metrics.Since:O} to {asked:O}:\n" +
            string.Join("\n", votes.Counted.Select(c => $"{c.At:O} run {c.RunId ?? "(no span of this test)"}: {c.Votes}"));
        Assert.True(counted.Where(c => c.RunId == runId).Sum(c => c.Votes) == emulatorVotes, $"run {runId}, {emulatorVotes} votes; {listing}");
        Assert.True(counted.Sum(c => c.Votes) == metrics.Metrics.Where(m => m.Name == "preference.votes.received").Sum(m => m.Sum), listing);
    }

    private static void AssertUsage(RunUsage usage, PreferenceRunEntity run)
    {
        // Three events per step at least (scheduled, started, completed) for the nine steps; a sample run holds no long wait.
        Assert.InRange(usage.HistoryEvents ?? 0, 27, 400);
        Assert.Equal(run.MatchupCount * run.ResponsesPerMatchup, usage.VotesOrdered);
        Assert.Equal(run.TotalVotes, usage.VotesReceived);
        Assert.Equal(run.RapidataCalls, usage.RapidataCalls);
        Assert.Superset(new HashSet<string> { "Validating", "CreatingOrder", "Uploading", "Submitting", "Downloading", "WritingResults" },
            usage.PhaseSeconds.Keys.ToHashSet());
        Assert.All(usage.PhaseSeconds.Values, seconds => Assert.InRange(seconds, 0, 300));
    }

    private static void AssertNoSecrets(List<Activity> spans, string clientSecret)
    {
        Assert.Contains(spans, s => s.GetTagItem("url.full") is string url && url.Contains("/hooks/run", StringComparison.Ordinal));
        string[] secrets = [WebhookToken, WebhookSecret, clientSecret, "Bearer "];
        foreach (var span in spans)
        {
            var texts = span.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(span.DisplayName).Append(span.StatusDescription ?? "");
            foreach (var text in texts)
                Assert.False(secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal)), $"secret in span {span.DisplayName}: {text}");
        }
    }

    private static bool ServedBySidecar(Activity span)
    {
        for (var parent = span.Parent; parent is not null; parent = parent.Parent)
            if (parent.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn") return true;
        return false;
    }

    private static IEnumerable<ActivitySpanId> Ancestors(Activity span, Dictionary<ActivitySpanId, Activity> byId)
    {
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var next); parent = next.ParentSpanId) yield return parent;
    }

    private sealed record MetricsBody(DateTimeOffset Since, List<MetricPoint> Metrics);

    /// <summary>Every count of <c>preference.votes.received</c> in this process while it listens, with when and the run id
    /// of the span current when it was made (null outside this test's spans).</summary>
    private sealed class VotesListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(DateTimeOffset At, string? RunId, long Votes)> _counted = new();

        public VotesListener()
        {
            // Read before listening: PipelineTelemetry publishes its instruments while its fields are being set.
            var votesReceived = PipelineTelemetry.VotesReceived;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument == votesReceived) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, votes, _, _) =>
                _counted.Enqueue((DateTimeOffset.UtcNow, Activity.Current?.GetTagItem(PipelineTelemetry.RunIdTag) as string, votes)));
            _listener.Start();
        }

        public IReadOnlyCollection<(DateTimeOffset At, string? RunId, long Votes)> Counted => _counted;

        public void Dispose() => _listener.Dispose();
    }
}

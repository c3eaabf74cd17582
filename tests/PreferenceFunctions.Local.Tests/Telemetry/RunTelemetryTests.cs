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
        using var counts = new CountsListener();
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
        DateTimeOffset metricsAsked, metricsAnswered;
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
            metricsAnswered = DateTimeOffset.UtcNow;
            view = (await host.Api.GetRunAsync(runId))!;
        }
        // Shut the provider down (it flushes first): other tests of this process keep making spans, and none may be added
        // to the list while it is read.
        tracing.Dispose();

        Assert.Equal(RunStatus.Completed, run.Status);
        AssertSpanTree(spans, runId, run);
        var emulatorVotes = (await harness.OrdersAsync()).Single().GetProperty("totalVotes").GetInt32();
        Assert.Equal(emulatorVotes, run.TotalVotes);
        AssertCounters(metrics, (metricsAsked, metricsAnswered), counts, run, emulatorVotes);
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

    /// <summary>
    /// The counters are the process's, and work of an earlier test's host can outlive that test (CI counted 1,200 votes
    /// here for this run's 600 once, and 80 reused images for a run that reused none another time; in-process engines
    /// were seen running on after their tests). So the test's own listener notes every count with the run of the span it
    /// was made under: this run's counts must be the run's facts, and the endpoint must hold what the process counted
    /// between the host's start and the request (what other work counts while the request is served may be in it or not,
    /// and so may what was counted in the first second, before the endpoint's own listener had surely started).
    /// </summary>
    private static void AssertCounters(MetricsBody metrics, (DateTimeOffset Asked, DateTimeOffset Answered) request,
        CountsListener counts, PreferenceRunEntity run, int emulatorVotes)
    {
        var window = counts.Counted.Where(c => c.At >= metrics.Since && c.At <= request.Asked).ToList();
        string Listing(string name) => $"{name}, counted from {metrics.Since:O} to {request.Answered:O}:\n" + string.Join("\n",
            counts.Counted.Where(c => c.Name == name)
                .Select(c => $"{c.At:O} run {c.RunId ?? "(no span of this test)"}: {c.Value} {string.Join(",", c.Tags)}"));
        IEnumerable<CountsListener.Count> Of(IEnumerable<CountsListener.Count> all, string name, string? tag, string? value) =>
            all.Where(c => c.Name == name && (tag is null || c.Tags.GetValueOrDefault(tag) == value));
        double OfRunTotal(string name, string? tag = null, string? value = null) =>
            Of(window, name, tag, value).Where(c => c.RunId == run.RowKey).Sum(c => c.Value);
        void OfRun(double expected, string name, string? tag = null, string? value = null)
        {
            var actual = OfRunTotal(name, tag, value);
            Assert.True(actual == expected, $"run {run.RowKey}: {actual} for {expected} expected; {Listing(name)}");
        }

        OfRun(1, "preference.runs.started");
        OfRun(1, "preference.runs.ended", "preference.run.status", "Completed");
        OfRun(0, "preference.runs.ended", "preference.run.status", "Failed");
        OfRun(40, "preference.matchups.staged");
        OfRun(run.AssetsUploaded!.Value, "preference.images.uploaded");
        OfRun(run.AssetsReused!.Value, "preference.images.reused");
        Assert.True(OfRunTotal("preference.upload.bytes") > 0, Listing("preference.upload.bytes"));
        OfRun(run.RapidataCalls!.Value, "rapidata.client.responses");
        OfRun(1, "preference.order.transitions", "preference.order.to", "Created");
        OfRun(emulatorVotes, "preference.votes.received");
        Assert.Contains(Of(window, "preference.activity.duration", "preference.activity", "GetOrderStatus"), c => c.RunId == run.RowKey);

        string[] names = ["preference.runs.started", "preference.runs.ended", "preference.matchups.staged", "preference.images.uploaded",
            "preference.images.reused", "preference.upload.bytes", "rapidata.client.responses", "preference.order.transitions",
            "preference.votes.received", "preference.activity.duration"];
        var surely = counts.Counted.Where(c => c.At >= metrics.Since.AddSeconds(1) && c.At <= request.Asked).ToList();
        var possibly = counts.Counted.Where(c => c.At >= metrics.Since && c.At <= request.Answered).ToList();
        foreach (var name in names)
        {
            // A histogram is compared by its number of measurements, a counter by its sum.
            var histogram = name.EndsWith(".duration", StringComparison.Ordinal);
            double Total(List<CountsListener.Count> counted) =>
                histogram ? Of(counted, name, null, null).Count() : Of(counted, name, null, null).Sum(c => c.Value);
            var points = metrics.Metrics.Where(m => m.Name == name).ToList();
            var endpoint = histogram ? points.Sum(m => m.Count) : points.Sum(m => m.Sum);
            Assert.True(Total(surely) <= endpoint && endpoint <= Total(possibly),
                $"/api/metrics {endpoint}, the process {Total(surely)} to {Total(possibly)}; {Listing(name)}");
        }
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

    /// <summary>Every measurement of the pipeline's and the Rapidata client's instruments in this process while it listens,
    /// with when, its tags and the run id of the span current when it was made (null outside this test's spans).</summary>
    private sealed class CountsListener : IDisposable
    {
        public sealed record Count(DateTimeOffset At, string Name, Dictionary<string, string?> Tags, string? RunId, double Value);

        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Count> _counted = new();

        public CountsListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name is PipelineTelemetry.Name or RapidataTelemetry.Name) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Note(instrument, value, tags));
            _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Note(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Note(instrument, value, tags));
            _listener.Start();
        }

        public IReadOnlyCollection<Count> Counted => _counted;

        private void Note(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var byName = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags) byName[tag.Key] = tag.Value?.ToString();
            _counted.Enqueue(new Count(DateTimeOffset.UtcNow, instrument.Name, byName, RunOf(Activity.Current), value));
        }

        private static string? RunOf(Activity? span)
        {
            for (; span is not null; span = span.Parent)
                if (span.GetTagItem(PipelineTelemetry.RunIdTag) is string runId) return runId;
            return null;
        }

        public void Dispose() => _listener.Dispose();
    }
}

using System.Diagnostics;
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
        RunView view;
        await using (host)
        {
            runId = (await harness.DropSampleAsync()).RunId;
            await harness.WaitForEndAsync(runId, TimeSpan.FromMinutes(3));
            using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(runId, wait.Token);
            run = (await harness.Runs.GetAsync(runId))!;
            metrics = (await new HttpClient { BaseAddress = host.BaseAddress }.GetFromJsonAsync<MetricsBody>("api/metrics", ApiJson.Options))!;
            view = (await host.Api.GetRunAsync(runId))!;
        }
        // Shut the provider down (it flushes first): other tests of this process keep making spans, and none may be added
        // to the list while it is read.
        tracing.Dispose();

        Assert.Equal(RunStatus.Completed, run.Status);
        AssertSpanTree(spans, runId, run);
        AssertCounters(metrics, run, spans);
        AssertVotesCounted(metrics, run, (await harness.OrdersAsync()).Single().GetProperty("totalVotes").GetInt32(), spans);
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

    private static double Sum(MetricsBody metrics, string name, string? tag = null, string? value = null) => metrics.Metrics
        .Where(m => m.Name == name && (tag is null || m.Tags.GetValueOrDefault(tag) == value)).Sum(m => m.Sum);

    private static void AssertCounters(MetricsBody body, PreferenceRunEntity run, List<Activity> spans)
    {
        var metrics = body.Metrics;
        double Sum(string name, string? tag = null, string? value = null) => RunTelemetryTests.Sum(body, name, tag, value);

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

    /// <summary>The votes counter is the whole process's, and an earlier test's host may still be finishing a run of its own
    /// (one CI run counted 1,200 votes for this run's 600). So: this run's row holds the emulator's votes, the span of the
    /// write that counted them says the same number, and the counter holds exactly what the spans of the host's lifetime say
    /// they counted.</summary>
    private static void AssertVotesCounted(MetricsBody metrics, PreferenceRunEntity run, int emulatorVotes, List<Activity> spans)
    {
        static long Counted(IEnumerable<Activity> of) => of.Sum(s => s.GetTagItem(PipelineTelemetry.VotesReceivedTag) is int votes ? votes : 0L);
        var sinceHostStarted = spans.Where(s => s.StartTimeUtc + s.Duration >= metrics.Since.UtcDateTime).ToList();
        var counting = sinceHostStarted.Where(s => s.GetTagItem(PipelineTelemetry.VotesReceivedTag) is not null)
            .Select(s => $"{s.DisplayName} of run {s.GetTagItem(PipelineTelemetry.RunIdTag)}: {s.GetTagItem(PipelineTelemetry.VotesReceivedTag)}");

        Assert.Equal(emulatorVotes, run.TotalVotes);
        Assert.Equal(emulatorVotes, Counted(spans.Where(s => s.GetTagItem(PipelineTelemetry.RunIdTag) as string == run.RowKey)));
        Assert.True(Counted(sinceHostStarted) == Sum(metrics, "preference.votes.received"),
            $"votes counted {Sum(metrics, "preference.votes.received")}; on spans:\n{string.Join("\n", counting)}");
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
}

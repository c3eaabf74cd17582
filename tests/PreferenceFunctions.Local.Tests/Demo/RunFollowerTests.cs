using System.Collections.Concurrent;
using System.Net;
using System.Text;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Local.Demo;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Testing;
using Spectre.Console;

namespace PreferenceFunctions.Local.Tests.Demo;

/// <summary>The follower's plain lines (output redirected): it says so while the API is slow to answer.</summary>
public sealed class RunFollowerTests
{
    [Fact]
    public async Task FollowWithLines_ApiSlowerThanTheLineInterval_PrintsAWaitingLineBeforeTheAnswer()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gets = 0;
        var api = new LocalApiClient(new HttpClient(new AnsweringHandler(async () =>
        {
            if (Interlocked.Increment(ref gets) > 1) return RunJson("Completed");
            await release.Task; // the first answer waits until the follower has said it is waiting
            return RunJson("WaitingForCrowd");
        })) { BaseAddress = new Uri("http://127.0.0.1:1/") });
        var lines = new LineRecorder();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(lines), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No,
        });

        var follow = new RunFollower(api, console).FollowAsync("r1", TimeSpan.FromMinutes(1), CancellationToken.None);
        var waiting = await Eventually.GetAsync(() => Task.FromResult(lines.Lines is [var first, ..] ? first : null), line => line is not null,
            TimeSpan.FromSeconds(30), "a line while the API does not answer");
        release.SetResult();
        var run = await follow;

        Assert.Matches(@"^\d\d:\d\d:\d\d run r1: waiting; no answer from the API for [5-9] s \([5-9] s\)$", waiting);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Collection(lines.Lines.Skip(1),
            line => Assert.Contains("run r1: WaitingForCrowd", line),
            line => Assert.Contains("run r1: Completed", line));
    }

    private static string RunJson(string phase) =>
        $$$"""{"runId":"r1","status":"{{{(phase == "Completed" ? "Completed" : "Running")}}}","phase":"{{{phase}}}","links":{"status":"","results":"","resultsCsv":"","report":"","cancel":""}}""";

    private sealed class AnsweringHandler(Func<Task<string>> answer) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            new(HttpStatusCode.OK) { Content = new StringContent(await answer(), Encoding.UTF8, "application/json") };
    }

    private sealed class LineRecorder : TextWriter
    {
        private readonly ConcurrentQueue<string> _lines = new();
        public IReadOnlyList<string> Lines => [.. _lines];
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => throw new NotSupportedException("the follower writes whole lines");
        public override void WriteLine(string? value) => _lines.Enqueue(value ?? "");
    }
}

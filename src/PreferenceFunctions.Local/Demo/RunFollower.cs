using System.Globalization;
using PreferenceFunctions.Api;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Pipeline.Ledger;
using Spectre.Console;

namespace PreferenceFunctions.Local.Demo;

/// <summary>
/// Follows a run over the HTTP API until it ends: on a terminal with a live progress bar (phase, done/total, order state),
/// otherwise (output redirected, CI logs) with a plain line whenever something changes and at least every
/// <see cref="LineInterval"/>, so a log never goes quiet while the crowd votes, nor while the API is slow to answer.
/// </summary>
public sealed class RunFollower(LocalApiClient api, IAnsiConsole console)
{
    public static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private RunView? _last;

    public static bool HasEnded(RunView run) => run.Status is { } status && status.IsTerminal();

    public async Task<RunView> FollowAsync(string runId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            if (console.Profile.Capabilities.Interactive) await FollowWithBarAsync(runId, deadline.Token);
            else await FollowWithLinesAsync(runId, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Run {runId} did not end within {timeout.TotalMinutes:0.#} min (last phase: {_last?.Phase?.ToString() ?? "not started"}).");
        }
        return _last!;
    }

    private Task FollowWithBarAsync(string runId, CancellationToken cancellationToken) =>
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("Waiting for the watcher to start the run", maxValue: 1);
                string? lastPhase = null;
                while (_last is null || !HasEnded(_last))
                {
                    _last = await api.GetRunAsync(runId, cancellationToken) ?? _last;
                    if (_last is { } run)
                    {
                        var phase = PhaseOf(run);
                        if (phase != lastPhase) console.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] run {runId}: [bold]{phase}[/]");
                        lastPhase = phase;
                        Show(bar, run, phase);
                    }
                    if (_last is null || !HasEnded(_last)) await Task.Delay(PollInterval, cancellationToken);
                }
                bar.Value = bar.MaxValue;
            });

    private async Task FollowWithLinesAsync(string runId, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var lastLine = started;
        string? lastState = null;
        void WriteLine(string state, DateTimeOffset now)
        {
            // Straight to the writer: a log line is never wrapped at a console width.
            console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.Now:HH:mm:ss} run {runId}: {state} ({Seconds(now - started)} s)"));
            lastLine = now;
        }

        while (_last is null || !HasEnded(_last))
        {
            var asked = DateTimeOffset.UtcNow;
            var answer = api.GetRunAsync(runId, cancellationToken);
            // A slow API (a busy machine, storage stalled) must not make the log go quiet: say that it is waiting.
            while (!answer.IsCompleted)
            {
                try
                {
                    await answer.WaitAsync(Until(lastLine + LineInterval), cancellationToken);
                }
                catch (TimeoutException)
                {
                    var now = DateTimeOffset.UtcNow;
                    WriteLine($"{lastState ?? "waiting"}; no answer from the API for {Seconds(now - asked)} s", now);
                }
            }
            _last = await answer ?? _last;
            var state = _last is { } run ? StateOf(run) : "waiting for the watcher to start the run";
            var answered = DateTimeOffset.UtcNow;
            if (state != lastState || answered - lastLine >= LineInterval || (_last is { } ended && HasEnded(ended)))
            {
                WriteLine(state, answered);
                lastState = state;
            }
            if (_last is null || !HasEnded(_last)) await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Whole seconds, rounded: a line written 5 s after the last one says 5 s even when the API was asked a few
    /// milliseconds after that line (truncated, 4.98 s said 4).</summary>
    private static int Seconds(TimeSpan elapsed) => (int)Math.Round(elapsed.TotalSeconds, MidpointRounding.AwayFromZero);

    private static TimeSpan Until(DateTimeOffset time) =>
        time - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero;

    private static string PhaseOf(RunView run) => (run.Progress?.Phase ?? run.Phase ?? RunPhase.Pending).ToString();

    /// <summary>"WaitingForCrowd, 12/40 matchups decided, order InProgress: message".</summary>
    private static string StateOf(RunView run)
    {
        var phase = PhaseOf(run);
        var progress = run.Progress;
        var parts = new List<string> { phase };
        if (progress is { Total: > 0 })
        {
            var what = progress.Phase == RunPhase.WaitingForCrowd ? "matchups decided" : "matchups";
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Math.Min(progress.Done, progress.Total)}/{progress.Total} {what}"));
        }
        if ((progress?.OrderState ?? run.OrderState) is { } order) parts.Add($"order {order}");
        var line = string.Join(", ", parts);
        var message = progress?.Message ?? run.Error;
        return message is null ? line : $"{line}: {message}";
    }

    private static void Show(ProgressTask bar, RunView run, string phase)
    {
        var progress = run.Progress;
        var order = progress?.OrderState ?? run.OrderState;
        bar.Description = Markup.Escape(order is null ? phase : $"{phase} (order {order})");
        if (progress is { Total: > 0 })
        {
            bar.MaxValue = progress.Total;
            bar.Value = Math.Min(progress.Done, progress.Total);
        }
    }
}

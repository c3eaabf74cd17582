using System.Globalization;
using PreferenceFunctions.Api;
using PreferenceFunctions.Local.Client;
using PreferenceFunctions.Pipeline.Ledger;
using Spectre.Console;

namespace PreferenceFunctions.Local.Demo;

/// <summary>
/// Follows a run over the HTTP API until it ends: on a terminal with a live progress bar (phase, done/total, order state),
/// otherwise (output redirected, CI logs) with a plain line whenever something changes and at least every
/// <see cref="LineInterval"/>, so a log never goes quiet while the crowd votes.
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
        var lastLine = DateTimeOffset.MinValue;
        string? lastState = null;
        while (_last is null || !HasEnded(_last))
        {
            _last = await api.GetRunAsync(runId, cancellationToken) ?? _last;
            var state = _last is { } run ? StateOf(run) : "waiting for the watcher to start the run";
            var now = DateTimeOffset.UtcNow;
            if (state != lastState || now - lastLine >= LineInterval || (_last is { } ended && HasEnded(ended)))
            {
                // Straight to the writer: a log line is never wrapped at a console width.
                await console.Profile.Out.Writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{DateTime.Now:HH:mm:ss} run {runId}: {state} ({(int)(now - started).TotalSeconds} s)"));
                lastState = state;
                lastLine = now;
            }
            if (_last is null || !HasEnded(_last)) await Task.Delay(PollInterval, cancellationToken);
        }
    }

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

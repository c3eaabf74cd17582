using PreferenceFunctions.Api;
using PreferenceFunctions.Local.Client;
using Spectre.Console;
using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Local.Demo;

/// <summary>Follows a run over the HTTP API with a live progress bar (phase, done/total, order state) until it ends.</summary>
public sealed class RunFollower(LocalApiClient api, IAnsiConsole console)
{
    public static bool HasEnded(RunView run) => run.Status is { } status && status.IsTerminal();

    public async Task<RunView> FollowAsync(string runId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        RunView? last = null;
        try
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var bar = context.AddTask("Waiting for the watcher to start the run", maxValue: 1);
                    string? lastPhase = null;
                    while (last is null || !HasEnded(last))
                    {
                        last = await api.GetRunAsync(runId, deadline.Token) ?? last;
                        if (last is not null)
                        {
                            var phase = (last.Progress?.Phase ?? last.Phase ?? RunPhase.Pending).ToString();
                            if (phase != lastPhase) console.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] run {runId}: [bold]{phase}[/]");
                            lastPhase = phase;
                            Show(bar, last, phase);
                        }
                        if (last is null || !HasEnded(last)) await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token);
                    }
                    bar.Value = bar.MaxValue;
                });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Run {runId} did not end within {timeout.TotalMinutes:0.#} min (last phase: {last?.Phase?.ToString() ?? "not started"}).");
        }
        return last!;
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

using PreferenceFunctions.Pipeline.Ledger;

namespace PreferenceFunctions.Pipeline.Tests.Ledger;

/// <summary>Time per phase from the orchestrator's checkpoints: repeated checkpoints add nothing, an ended run stays as it ended.</summary>
public sealed class PhaseTimingsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Enter_PhasesInTurn_AddsTheTimeSpentToThePhaseLeft()
    {
        var row = new PreferenceRunEntity();
        Enter(row, RunPhase.Validating, At);
        Enter(row, RunPhase.Uploading, At.AddSeconds(2));
        Enter(row, RunPhase.Uploading, At.AddSeconds(5)); // a repeated checkpoint of the same phase
        Enter(row, RunPhase.WaitingForCrowd, At.AddSeconds(12));
        Enter(row, RunPhase.Completed, At.AddSeconds(42));
        Enter(row, RunPhase.Uploading, At.AddSeconds(50)); // a late write after the end

        var seconds = PhaseTimings.Of(row, At.AddHours(1));

        Assert.Equal(new Dictionary<string, double> { ["Validating"] = 2, ["Uploading"] = 10, ["WaitingForCrowd"] = 30 }, seconds);
    }

    [Fact]
    public void Of_RunningRun_CountsTheCurrentPhaseUpToNow()
    {
        var row = new PreferenceRunEntity();
        Enter(row, RunPhase.Validating, At);
        Enter(row, RunPhase.WaitingForCrowd, At.AddSeconds(3));

        var seconds = PhaseTimings.Of(row, At.AddSeconds(63));

        Assert.Equal(3, seconds["Validating"]);
        Assert.Equal(60, seconds["WaitingForCrowd"]);
    }

    private static void Enter(PreferenceRunEntity row, RunPhase phase, DateTimeOffset at)
    {
        var left = row.Phase;
        row.Phase = left is { } ended && ended.StatusOf().IsTerminal() ? left : phase; // the ledger keeps an ended run's phase
        PhaseTimings.Enter(row, left, at);
    }
}

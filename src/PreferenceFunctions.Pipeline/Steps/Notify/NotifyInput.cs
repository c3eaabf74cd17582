using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Announce a run event. <see cref="At"/> comes from the orchestration clock so a replay sends the same event;
/// <see cref="Webhook"/> is the run's own webhook (order.json or the start request), if any, sealed
/// (<see cref="RunWebhookSeal"/>): the URL itself never enters the orchestration's history.
/// </summary>
public sealed record NotifyInput(string RunId, string EventType, RunPhase Phase, DateTimeOffset At, string? Error, string? Webhook) : IRunInput;

using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Announce a run event. <see cref="At"/> comes from the orchestration clock so a replay sends the same event;
/// <see cref="Webhook"/> is the dataset's own webhook URL from order.json, if any.
/// </summary>
public sealed record NotifyInput(string RunId, string EventType, RunPhase Phase, DateTimeOffset At, string? Error, string? Webhook) : IRunInput;

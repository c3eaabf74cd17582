namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>
/// Something that happened to a run, to be announced as a CloudEvent. The time is passed in (the orchestration's
/// clock), so a replayed or redelivered event is identical to the first one.
/// </summary>
/// <param name="Type">One of <see cref="RunEventTypes"/>.</param>
public sealed record RunEvent(string Type, string RunId, DateTimeOffset Time, RunEventData Data);

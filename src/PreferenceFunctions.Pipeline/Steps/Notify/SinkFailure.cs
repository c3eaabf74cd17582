namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>A sink that could not deliver an event; the caller records it on the run.</summary>
/// <param name="Sink">Which sink: <c>queue</c>, <c>eventgrid</c>, <c>webhook</c> or <c>run-webhook</c>.</param>
/// <param name="Message">Why, without secrets.</param>
public sealed record SinkFailure(string Sink, string Message);

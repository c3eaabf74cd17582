namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>One destination for run events. Throws when it cannot deliver; the publisher turns that into a <see cref="SinkFailure"/>.</summary>
public interface IRunEventSink
{
    /// <summary>Short name used in logs and in <see cref="SinkFailure.Sink"/>.</summary>
    string Name { get; }

    /// <summary>False when the sink is not configured; the publisher then skips it.</summary>
    bool IsEnabled { get; }

    Task SendAsync(RunEventEnvelope envelope, CancellationToken cancellationToken);
}

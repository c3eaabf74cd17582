using System.Text.Json.Serialization;

namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>
/// What a run does to its submitted Rapidata order when it gives up on it (deadline, failure after submit, cancel):
/// <see cref="Pause"/> keeps what the crowd did and stops the spending (the run can be resumed), <see cref="Delete"/>
/// ends the order, <see cref="Keep"/> leaves it running.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<OrderAbandonAction>))]
public enum OrderAbandonAction
{
    Pause,
    Delete,
    Keep,
}

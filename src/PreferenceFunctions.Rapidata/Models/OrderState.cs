using System.Text.Json.Serialization;

namespace PreferenceFunctions.Rapidata.Models;

/// <summary>The order states of Rapidata's <c>OrderState</c> schema, plus <see cref="Unknown"/> for any value added later.</summary>
[JsonConverter(typeof(OrderStateJsonConverter))]
public enum OrderState
{
    /// <summary>A state this client does not know yet; the raw text is kept on the order.</summary>
    Unknown = 0,
    Created,
    Preview,
    Submitted,
    ManualReview,
    Queued,
    Processing,
    Paused,
    Completed,
    Cancelled,
    Failed,
    StaleResults,
}

namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>A webhook did not accept an event: a final status, or retries used up. The message holds no secrets.</summary>
internal sealed class WebhookDeliveryException(string message, Exception? innerException = null) : Exception(message, innerException);

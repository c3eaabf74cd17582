namespace PreferenceFunctions.Pipeline.Steps.Notify;

/// <summary>A run webhook's host resolved to an address the app does not call; never retried, never described further.</summary>
public sealed class WebhookRefusedException() : Exception("The webhook's address is not allowed.");

namespace PreferenceFunctions.Emulator.Admin;

/// <summary>One request the emulator received, as the admin API lists it.</summary>
public sealed record RequestLogEntry(DateTimeOffset ReceivedAt, string Method, string Path, int Status, string? Body);

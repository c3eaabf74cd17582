namespace PreferenceFunctions.Rapidata.Results.Parsing;

/// <summary>
/// Raised inside a unit parser when the buffered bytes end before the unit does. It never leaves the reader:
/// the driver rewinds to the unit's start, reads more and parses the unit again. It happens about once per
/// buffer refill, so a flag threaded through every parse method would cost more clarity than it saves time.
/// </summary>
internal sealed class NeedMoreDataException : Exception
{
    public static readonly NeedMoreDataException Instance = new();
}

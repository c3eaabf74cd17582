namespace PreferenceFunctions.Cli;

/// <summary>The exit codes every command shares.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    /// <summary>The line every command's help ends with.</summary>
    public const string Help = "Exit codes: 0 success, 1 failure or bad input, 2 usage error.";
}

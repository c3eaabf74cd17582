namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>One response: the option index (0 = A, 1 = B, 2 = Both, 3 = Neither) and who gave it.</summary>
internal readonly record struct Vote(int Choice, Annotator Annotator)
{
    public const int Both = 2;
    public const int Neither = 3;
}

namespace PreferenceFunctions.Emulator;

/// <summary>Paths outside the authenticated Rapidata API: the token endpoint and the emulator-only admin API.</summary>
internal static class EmulatorPaths
{
    public const string Admin = "/_emulator";
    public const string Token = "/connect/token";

    public static bool IsAdmin(PathString path) => path.StartsWithSegments(Admin, StringComparison.OrdinalIgnoreCase);

    public static bool IsOpen(PathString path) => IsAdmin(path) || path.StartsWithSegments(Token, StringComparison.OrdinalIgnoreCase);
}

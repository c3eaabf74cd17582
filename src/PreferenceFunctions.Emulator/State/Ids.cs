using System.Security.Cryptography;

namespace PreferenceFunctions.Emulator.State;

/// <summary>Ids shaped like the real API's (24 hex digits, MongoDB ObjectId style).</summary>
internal static class Ids
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}

namespace PreferenceFunctions.Testing;

/// <summary>Storage names unique per test, so tests never share a container or table.</summary>
public static class UniqueName
{
    /// <summary>Lower-case letters and digits, valid as a container, queue or table name.</summary>
    public static string For(string prefix) => (prefix + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();
}

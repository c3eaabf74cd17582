namespace PreferenceFunctions.Tests.Runs;

/// <summary>A copy of the sample dataset in a temporary folder, with its order.json or matchups.csv replaced.</summary>
internal static class SampleCopy
{
    public static string With(string? orderJson = null, Func<string, string>? matchups = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "preference-sample-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RunHarness.SamplePath)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        if (orderJson is not null) File.WriteAllText(Path.Combine(folder, "order.json"), orderJson);
        if (matchups is not null)
        {
            var csv = Path.Combine(folder, "matchups.csv");
            File.WriteAllText(csv, matchups(File.ReadAllText(csv)));
        }
        return folder;
    }
}

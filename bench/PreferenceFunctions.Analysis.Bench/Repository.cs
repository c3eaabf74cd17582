namespace PreferenceFunctions.Analysis.Bench;

/// <summary>Where the repository is: the benches find the programs and reference scripts they run from it.</summary>
internal static class Repository
{
    /// <summary>The folder holding PreferenceFunctions.sln above the bench's program.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PreferenceFunctions.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository (PreferenceFunctions.sln not found).");
    }
}

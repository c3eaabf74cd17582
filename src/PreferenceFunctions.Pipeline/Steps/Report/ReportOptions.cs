using PreferenceFunctions.Pipeline.Steps.Rounds;

namespace PreferenceFunctions.Pipeline.Steps.Report;

/// <summary>How the HTML report and its PNG renderings look.</summary>
/// <param name="Title">Heading of the report, e.g. the dataset or order name.</param>
/// <param name="MaxMatchups">Matchups shown (most one-sided first); the report states when more exist.</param>
/// <param name="ThumbnailSize">Longest side in pixels of the images embedded in the HTML.</param>
/// <param name="MaxConcurrentImageLoads">Images fetched and downscaled at the same time.</param>
/// <param name="Rounds">An adaptive run's rounds, shown after the leaderboard; null for other runs.</param>
public sealed record ReportOptions(
    string Title = "Human preference results",
    int MaxMatchups = 200,
    int ThumbnailSize = 320,
    int MaxConcurrentImageLoads = 4,
    RoundsLog? Rounds = null);

using System.Text;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Steps.Report;

namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>
/// Writes everything an analysis produces into one folder: matchups.csv, models.csv, report.html, leaderboard.png,
/// pairs/&lt;matchupId&gt;.png for the most one-sided matchups, and when asked dpo.jsonl and huggingface.jsonl.
/// </summary>
public static class AnalysisOutputFolder
{
    /// <returns>The files written, relative to <paramref name="directory"/>.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        string directory, PreferenceAnalysis analysis, IReadOnlyList<MatchupOutcome> outcomes, Func<string, CancellationToken, Task<byte[]?>> loadImage,
        AnalysisOutputOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= AnalysisOutputOptions.Default;
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        string PathOf(string name)
        {
            written.Add(name);
            return Path.Combine(directory, name);
        }

        await using (var csv = new StreamWriter(PathOf("matchups.csv"), false, new UTF8Encoding(false)))
            MatchupResultsCsv.Write(analysis.Matchups, csv);
        await using (var csv = new StreamWriter(PathOf("models.csv"), false, new UTF8Encoding(false)))
            ModelScoresCsv.Write(analysis.Models, csv);
        if (options.Exports.HasFlag(AnalysisExports.Dpo))
        {
            await using var jsonl = File.Create(PathOf(DpoFile));
            DpoPairsJsonl.Write(outcomes, jsonl, options.Dpo);
        }

        var html = await ReportRenderer.RenderHtmlAsync(analysis, loadImage, options.Report, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(PathOf("report.html"), html, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(PathOf("leaderboard.png"), LeaderboardPng.Render(analysis.Models, options.Report.Title), cancellationToken)
            .ConfigureAwait(false);

        Directory.CreateDirectory(Path.Combine(directory, "pairs"));
        foreach (var result in analysis.Matchups.Take(options.PairFigures))
        {
            var image1 = await TryLoadAsync(loadImage, result.Matchup.Image1, cancellationToken).ConfigureAwait(false);
            var image2 = await TryLoadAsync(loadImage, result.Matchup.Image2, cancellationToken).ConfigureAwait(false);
            var name = $"pairs/{SafeFileName(result.Matchup.Id)}.png";
            await File.WriteAllBytesAsync(PathOf(name), PairFigurePng.Render(result, image1, image2), cancellationToken).ConfigureAwait(false);
        }
        return written;
    }

    public const string HuggingFaceFile = "huggingface.jsonl";
    public const string DpoFile = "dpo.jsonl";

    /// <summary>
    /// Writes huggingface.jsonl line by line as <paramref name="detailedOutcomes"/> yields them (one per results entry,
    /// see <see cref="MatchupOutcomeBuilder.ReadAsync"/>), so the individual votes are never all in memory.
    /// </summary>
    /// <returns>The file written, relative to <paramref name="directory"/>.</returns>
    public static async Task<string> WriteHuggingFaceAsync(string directory, IAsyncEnumerable<MatchupOutcome> detailedOutcomes,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        await using var jsonl = new FileStream(Path.Combine(directory, HuggingFaceFile), FileMode.Create, FileAccess.Write, FileShare.None,
            1 << 16, useAsync: true);
        await HuggingFaceJsonl.WriteAsync(detailedOutcomes, jsonl, cancellationToken).ConfigureAwait(false);
        return HuggingFaceFile;
    }

    private static async Task<byte[]?> TryLoadAsync(Func<string, CancellationToken, Task<byte[]?>> loadImage, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await loadImage(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return null;  // the figure shows the image as unavailable, as the HTML report does
        }
    }

    private static string SafeFileName(string matchupId) =>
        string.Concat(matchupId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}

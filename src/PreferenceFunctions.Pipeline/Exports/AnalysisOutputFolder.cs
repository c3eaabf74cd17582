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
        Directory.CreateDirectory(Path.Combine(directory, "pairs"));
        var figures = analysis.Matchups.Take(options.PairFigures)
            .Select(m => (Result: m, File: $"pairs/{SafeFileName(m.Matchup.Id)}.png")).ToList();
        var withDpo = options.Exports.HasFlag(AnalysisExports.Dpo);
        List<string> written = ["matchups.csv", "models.csv", .. withDpo ? [DpoFile] : Array.Empty<string>(), "report.html",
            "leaderboard.png", .. figures.Select(f => f.File)];
        string PathOf(string name) => Path.Combine(directory, name);

        // The files do not depend on each other, and the large csv, the report and the PNG encoding each keep a core
        // busy for a while: written in parallel.
        List<Task> writes =
        [
            Task.Run(() => WriteText(PathOf("matchups.csv"), csv => MatchupResultsCsv.Write(analysis.Matchups, csv)), cancellationToken),
            Task.Run(() => WriteText(PathOf("models.csv"), csv => ModelScoresCsv.Write(analysis.Models, csv)), cancellationToken),
            Task.Run(async () =>
            {
                var html = await ReportRenderer.RenderHtmlAsync(analysis, loadImage, options.Report, cancellationToken)
                    .ConfigureAwait(false);
                await File.WriteAllTextAsync(PathOf("report.html"), html, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }, cancellationToken),
            Task.Run(() => File.WriteAllBytesAsync(PathOf("leaderboard.png"), LeaderboardPng.Render(analysis.Models, options.Report.Title),
                cancellationToken), cancellationToken),
            Parallel.ForEachAsync(figures, cancellationToken, async (figure, ct) =>
            {
                var image1 = await TryLoadAsync(loadImage, figure.Result.Matchup.Image1, ct).ConfigureAwait(false);
                var image2 = await TryLoadAsync(loadImage, figure.Result.Matchup.Image2, ct).ConfigureAwait(false);
                var png = PairFigurePng.Render(figure.Result, image1, image2);
                await File.WriteAllBytesAsync(PathOf(figure.File), png, ct).ConfigureAwait(false);
            }),
        ];
        if (withDpo)
        {
            writes.Add(Task.Run(() =>
            {
                using var jsonl = File.Create(PathOf(DpoFile));
                DpoPairsJsonl.Write(outcomes, jsonl, options.Dpo);
            }, cancellationToken));
        }
        await Task.WhenAll(writes).ConfigureAwait(false);
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

    private static void WriteText(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        write(writer);
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

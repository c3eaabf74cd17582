using System.Globalization;
using PreferenceFunctions.Local.Client;
using Spectre.Console;

namespace PreferenceFunctions.Local.Demo;

/// <summary>Prints a run's results as the seed post did: the per-model table, then the most one-sided matchups.</summary>
public static class ResultsPrinter
{
    public static void Print(IAnsiConsole console, RunResultsView results, int topMatchups = 10)
    {
        // Redirected output defaults to 80 columns, which wraps every cell of the matchup table.
        if (!console.Profile.Capabilities.Interactive) console.Profile.Width = Math.Max(console.Profile.Width, 140);
        var models = new Table().Title($"Models (run {Markup.Escape(results.RunId)}, {results.TotalVotes ?? 0} votes)")
            .AddColumns("Rank", "Model", "Votes", "Pairs won", "Win rate", "Score", "95% interval");
        foreach (var m in results.Models)
        {
            models.AddRow(m.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(m.Model), m.Votes.ToString(CultureInfo.InvariantCulture),
                $"{m.PairsWon}/{m.Pairs}", m.WinRate.ToString("P1", CultureInfo.InvariantCulture),
                m.Score.ToString("0", CultureInfo.InvariantCulture),
                $"{m.ScoreLow.ToString("0", CultureInfo.InvariantCulture)} .. {m.ScoreHigh.ToString("0", CultureInfo.InvariantCulture)}");
        }
        console.Write(models);
        if (results.Winner is { } winner) console.MarkupLineInterpolated($"Winner: [bold]{winner}[/] (its interval lies wholly above the others').");
        else if (results.Leaders is { Count: > 0 } leaders)
            console.MarkupLineInterpolated($"No clear winner: {string.Join(", ", leaders)} are tied at the top (their intervals overlap).");

        var matchups = new Table().Title($"Top {Math.Min(topMatchups, results.Matchups.Count)} of {results.Matchups.Count} matchups by ratio")
            .AddColumns("Prompt", "Model 1", "Model 2", "Votes", "Ratio", "Winner");
        foreach (var m in results.Matchups.Take(topMatchups))
        {
            var pair = m.Matchup;
            matchups.AddRow(Markup.Escape(Shorten(pair.Prompt, 48)), Markup.Escape(pair.Model1), Markup.Escape(pair.Model2), $"{m.Votes1}:{m.Votes2}",
                m.Ratio.ToString("0.00", CultureInfo.InvariantCulture), Markup.Escape(m.Winner.Length == 0 ? "(tie)" : m.Winner));
        }
        console.Write(matchups);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

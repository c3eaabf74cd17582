using System.Globalization;
using Microsoft.AspNetCore.Http;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Exports;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Leaderboard;
using PreferenceFunctions.Pipeline.Steps.Report;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api;

/// <summary>
/// Living leaderboards (docs/leaderboards.md): list them, read one (JSON, <c>?format=csv</c>, or the HTML page), remove a
/// run from one, and suggest the next matchups. A name that cannot be a leaderboard's is 400, an unknown one 404.
/// </summary>
public sealed class LeaderboardsApi(LeaderboardStore store, LeaderboardUpdater updater)
{
    public const int MaxSuggestedVotes = 1_000_000;

    public async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var boards = await store.ListAsync(cancellationToken);
        return HttpResults.Json(new
        {
            leaderboards = boards.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => new
            {
                name = b.Name, models = b.Models, runs = b.Runs, votes = b.Votes, updated = b.Updated, link = Link(b.Name),
            }),
        }, ApiJson.Options);
    }

    public async Task<IResult> GetAsync(string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "csv")) return Problems.Validation("format", $"Unknown format '{format}'; use json or csv.");
        var (board, problem) = await FindAsync(name, cancellationToken);
        if (board is null) return problem!;
        if (format == "csv")
        {
            var csv = new StringWriter(CultureInfo.InvariantCulture);
            LeaderboardCsv.WriteModels(board.Models, csv);
            return HttpResults.Text(csv.ToString(), "text/csv; charset=utf-8").AsAttachment($"{name}-leaderboard.csv");
        }
        return HttpResults.Json(View(board), ApiJson.Options);
    }

    public async Task<IResult> GetReportAsync(string name, CancellationToken cancellationToken)
    {
        var (board, problem) = await FindAsync(name, cancellationToken);
        if (board is null) return problem!;
        var html = LeaderboardPage.Render(board.Name, board.Updated, board.Models, [.. board.Runs.Select(r => (r.RunId, r.AddedAt, r.Votes))]);
        return HttpResults.Text(html, "text/html; charset=utf-8").AsReport();
    }

    public async Task<IResult> RemoveRunAsync(string name, string runId, CancellationToken cancellationToken)
    {
        var (board, problem) = await FindAsync(name, cancellationToken);
        if (board is null) return problem!;
        var update = await updater.RemoveRunAsync(name, runId, cancellationToken);
        if (update.Change is null)
            return HttpResults.Problem(title: "Run not in leaderboard", detail: $"Run '{runId}' is not counted in leaderboard '{name}'.",
                statusCode: StatusCodes.Status404NotFound);
        return HttpResults.Json(View((update.Change.Board ?? await store.GetAsync(name, cancellationToken))!), ApiJson.Options);
    }

    public async Task<IResult> SuggestAsync(string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var format = request.Query["format"].ToString();
        if (format is not ("" or "json" or "csv")) return Problems.Validation("format", $"Unknown format '{format}'; use json or csv.");
        if (!long.TryParse(request.Query["votes"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var votes)
            || votes is < 1 or > MaxSuggestedVotes)
            return Problems.Validation("votes", $"votes must be a whole number from 1 to {MaxSuggestedVotes:N0} (the votes you mean to buy), " +
                $"got '{request.Query["votes"]}'.");
        var perMatchupText = request.Query["responsesPerMatchup"].ToString();
        var perMatchup = 0;
        if (perMatchupText.Length > 0 && (!int.TryParse(perMatchupText, NumberStyles.None, CultureInfo.InvariantCulture, out perMatchup)
            || perMatchup is < 1 or > 1000))
            return Problems.Validation("responsesPerMatchup", $"responsesPerMatchup must be a whole number from 1 to 1000, got '{perMatchupText}'.");
        var (board, problem) = await FindAsync(name, cancellationToken);
        if (board is null) return problem!;
        // Default: as many votes per matchup as the leaderboard's runs had on average.
        if (perMatchup == 0) perMatchup = board.Matchups > 0 ? (int)Math.Clamp(Math.Round((double)board.Votes / board.Matchups), 1, 1000) : 15;
        var votesPerPair = board.Pairs.ToDictionary(p => (p.Model1, p.Model2), p => p.Votes);
        var suggested = MatchupSuggester.Suggest(board.Models, votesPerPair, votes, perMatchup);
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        LeaderboardCsv.WriteMatchupsSkeleton(suggested, csv);
        if (format == "csv") return HttpResults.Text(csv.ToString(), "text/csv; charset=utf-8").AsAttachment($"{name}-matchups.csv");
        return HttpResults.Json(new
        {
            leaderboard = name,
            votes,
            responsesPerMatchup = perMatchup,
            pairs = suggested.Select(s => new { model1 = s.Model1, model2 = s.Model2, matchups = s.Matchups, votes = s.Votes }),
            matchupsCsv = csv.ToString(),
        }, ApiJson.Options);
    }

    /// <summary>The leaderboard, or the problem to answer with (400 for a bad name, 404 for an unknown one).</summary>
    private async Task<(LeaderboardView? Board, IResult? Problem)> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (LeaderboardNames.Problem(name) is { } problem) return (null, Problems.Validation("name", $"Leaderboard name: {problem}."));
        var board = await store.GetAsync(name, cancellationToken);
        return board is null
            ? (null, HttpResults.Problem(title: "Leaderboard not found", detail: $"There is no leaderboard named '{name}'.",
                statusCode: StatusCodes.Status404NotFound))
            : (board, null);
    }

    private static object View(LeaderboardView board) => new
    {
        name = board.Name,
        updated = board.Updated,
        version = board.Version,
        votes = board.Votes,
        matchups = board.Matchups,
        models = board.Models.Select(m => new
        {
            rank = m.Rank, model = m.Model, score = m.Score, scoreLow = m.ScoreLow, scoreHigh = m.ScoreHigh, votes = m.Votes, votesWon = m.Wins,
            component = m.Component, runs = board.RunsPerModel.GetValueOrDefault(m.Model),
        }),
        pairs = board.Pairs.Select(p => new
        {
            model1 = p.Model1, model2 = p.Model2, wins = p.Wins, losses = p.Losses, ties = p.Ties, weighted1 = p.Weighted1,
            weighted2 = p.Weighted2, matchups = p.Matchups, runs = p.Runs,
        }),
        runs = board.Runs.Select(r => new { runId = r.RunId, addedAt = r.AddedAt, votes = r.Votes, matchups = r.Matchups }),
        links = new { self = Link(board.Name), csv = Link(board.Name) + "?format=csv", report = Link(board.Name) + "/report" },
    };

    private static string Link(string name) => $"/api/leaderboards/{name}";
}

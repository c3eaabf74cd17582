using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Leaderboard;

/// <summary>
/// The <c>Leaderboards</c> table. Adding a run writes its pair rows and then its marker; removing deletes the marker and
/// then the pair rows; either way the leaderboard is then refitted from the marked runs' pairs (<see cref="RefitAsync"/>).
/// Every step can be repeated: a run added twice counts once, and a refit that finds the summary up to date writes nothing.
/// </summary>
public sealed class LeaderboardStore
{
    /// <summary>Refits in a row when runs keep landing meanwhile; each one re-reads the runs after writing.</summary>
    private const int MaxRefits = 5;

    private readonly TableClient _table;
    private readonly AnalysisOptions _analysis;

    public LeaderboardStore(StorageConnection storage) : this(storage.Tables.GetTableClient(TableNames.Leaderboards), AnalysisOptions.Default)
    {
    }

    internal LeaderboardStore(TableClient table, AnalysisOptions analysis)
    {
        _table = table;
        _analysis = analysis;
    }

    /// <returns>The change, or null when the run was already counted and the leaderboard was up to date.</returns>
    public async Task<LeaderboardChange?> AddRunAsync(string name, string runId, IReadOnlyList<LeaderboardPair> pairs, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        var marker = await _table.GetEntityIfExistsAsync<LeaderboardRunEntity>(name, LeaderboardRows.Run(runId), cancellationToken: cancellationToken);
        if (!marker.HasValue)
        {
            await TableBatchWriter.UpsertAsync(_table,
                pairs.Select(p => LeaderboardPairEntity.ForRun(name, runId, p)),
                cancellationToken: cancellationToken);
            var run = new LeaderboardRunEntity
            {
                PartitionKey = name, RowKey = LeaderboardRows.Run(runId), RunId = runId, AddedAt = at,
                Votes = pairs.Sum(p => p.Votes), Matchups = pairs.Sum(p => p.Matchups),
            };
            try
            {
                await _table.AddEntityAsync(run, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Added meanwhile by a repeated activity: it counts once.
            }
        }
        return await RefitAsync(name, runId, LeaderboardChangeKind.RunAdded, at, cancellationToken);
    }

    /// <returns>The change, or null when the run is not in the leaderboard.</returns>
    public async Task<LeaderboardChange?> RemoveRunAsync(string name, string runId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var marker = await _table.GetEntityIfExistsAsync<LeaderboardRunEntity>(name, LeaderboardRows.Run(runId), cancellationToken: cancellationToken);
        if (!marker.HasValue) return null;
        await _table.DeleteEntityAsync(name, LeaderboardRows.Run(runId), cancellationToken: cancellationToken);
        await DeleteAsync(name, LeaderboardRows.RunPairs(runId), cancellationToken);
        return await RefitAsync(name, runId, LeaderboardChangeKind.RunRemoved, at, cancellationToken)
            ?? new LeaderboardChange(name, runId, LeaderboardChangeKind.RunRemoved, await GetAsync(name, cancellationToken));
    }

    /// <summary>
    /// Fits the marked runs' pairs and writes the pair, model and summary rows, unless the summary already holds these runs.
    /// After writing it reads the runs again, so of two refits racing the one that writes last also writes what is true.
    /// </summary>
    internal async Task<LeaderboardChange?> RefitAsync(string name, string runId, LeaderboardChangeKind kind, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        LeaderboardChange? change = null;
        for (var attempt = 0; attempt < MaxRefits; attempt++)
        {
            var runs = await QueryAsync<LeaderboardRunEntity>(name, LeaderboardRows.RunPrefix, cancellationToken);
            var fingerprint = Convert.ToHexString(SHA256.HashData(
                Encoding.UTF8.GetBytes(string.Join('\n', runs.Select(r => r.RunId).Order(StringComparer.Ordinal)))));
            var board = await _table.GetEntityIfExistsAsync<LeaderboardEntity>(name, LeaderboardRows.Board, cancellationToken: cancellationToken);
            if (board.HasValue ? board.Value!.RunsFingerprint == fingerprint : runs.Count == 0) return change;
            await WriteFitAsync(name, runs, fingerprint, (board.HasValue ? board.Value!.Version : 0) + 1, at, cancellationToken);
            change = new LeaderboardChange(name, runId, kind, await GetAsync(name, cancellationToken));
        }
        return change;
    }

    private async Task WriteFitAsync(string name, List<LeaderboardRunEntity> runs, string fingerprint, long version, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var counted = runs.Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);
        var contributions = (await QueryAsync<LeaderboardPairEntity>(name, LeaderboardRows.RunPairPrefix, cancellationToken))
            .Where(e => counted.Contains(e.Runs)).ToList();
        var pairs = LeaderboardPair.Sum(contributions.Select(e => e.ToPair()));
        var scores = PairCountAnalyzer.Analyze([.. pairs.Select(p => p.ToCounts())], _analysis);
        var runsPerModel = contributions
            .SelectMany(e => new[] { (Model: e.Model1, RunId: e.Runs), (Model: e.Model2, RunId: e.Runs) }).Distinct()
            .CountBy(x => x.Model).ToDictionary(StringComparer.Ordinal);

        var pairRows = pairs.Select(p => LeaderboardPairEntity.ForSum(name, p)).ToList();
        var modelRows = scores.Select(s => new LeaderboardModelEntity
        {
            PartitionKey = name, RowKey = LeaderboardRows.Model(s.Model), Model = s.Model, Score = s.Score, ScoreLow = s.ScoreLow,
            ScoreHigh = s.ScoreHigh, Rank = s.Rank, Component = s.Component, Votes = s.Votes, Wins = s.Wins,
            Runs = runsPerModel.GetValueOrDefault(s.Model),
        }).ToList();
        var stale = (await KeysAsync(name, LeaderboardRows.PairPrefix, cancellationToken)).Except(pairRows.Select(r => r.RowKey))
            .Concat((await KeysAsync(name, LeaderboardRows.ModelPrefix, cancellationToken)).Except(modelRows.Select(r => r.RowKey)));
        await TableBatchWriter.UpsertAsync(_table, pairRows, cancellationToken: cancellationToken);
        await TableBatchWriter.UpsertAsync(_table, modelRows, cancellationToken: cancellationToken);
        foreach (var key in stale.ToList()) await _table.DeleteEntityAsync(name, key, cancellationToken: cancellationToken);
        await _table.UpsertEntityAsync(new LeaderboardEntity
        {
            PartitionKey = name, Runs = runs.Count, Models = scores.Count, Votes = pairs.Sum(p => p.Votes), Matchups = pairs.Sum(p => p.Matchups),
            Updated = at, Version = version, RunsFingerprint = fingerprint,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <returns>The leaderboard, or null when nothing was ever added to it.</returns>
    public async Task<LeaderboardView?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var board = await _table.GetEntityIfExistsAsync<LeaderboardEntity>(name, LeaderboardRows.Board, cancellationToken: cancellationToken);
        if (!board.HasValue) return null;
        var modelRows = await QueryAsync<LeaderboardModelEntity>(name, LeaderboardRows.ModelPrefix, cancellationToken);
        var models = modelRows
            .Select(m => new PairCountScore(m.Model, m.Score, m.ScoreLow, m.ScoreHigh, m.Rank, m.Component, m.Votes, m.Wins))
            .OrderBy(s => s.Component).ThenBy(s => s.Rank).ThenByDescending(s => s.Score).ThenBy(s => s.Model, StringComparer.Ordinal);
        var pairs = (await QueryAsync<LeaderboardPairEntity>(name, LeaderboardRows.PairPrefix, cancellationToken)).Select(p => p.ToPair());
        var runs = (await QueryAsync<LeaderboardRunEntity>(name, LeaderboardRows.RunPrefix, cancellationToken))
            .Select(r => new LeaderboardRun(r.RunId, r.AddedAt, r.Votes, r.Matchups)).OrderBy(r => r.AddedAt).ThenBy(r => r.RunId, StringComparer.Ordinal);
        var b = board.Value!;
        return new LeaderboardView(name, b.Updated, b.Version, b.Votes, b.Matchups, [.. models],
            modelRows.ToDictionary(m => m.Model, m => m.Runs, StringComparer.Ordinal), [.. pairs], [.. runs]);
    }

    public async Task<IReadOnlyList<LeaderboardSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<LeaderboardSummary>();
        await foreach (var b in _table.QueryAsync<LeaderboardEntity>($"RowKey eq '{LeaderboardRows.Board}'", cancellationToken: cancellationToken))
            list.Add(new LeaderboardSummary(b.PartitionKey, b.Models, b.Runs, b.Votes, b.Updated));
        return list;
    }

    private async Task<List<T>> QueryAsync<T>(string name, string prefix, CancellationToken cancellationToken) where T : class, ITableEntity
    {
        var rows = new List<T>();
        await foreach (var row in _table.QueryAsync<T>(LeaderboardRows.StartingWith(name, prefix), cancellationToken: cancellationToken)) rows.Add(row);
        return rows;
    }

    private async Task<List<string>> KeysAsync(string name, string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(LeaderboardRows.StartingWith(name, prefix), select: ["RowKey"],
            cancellationToken: cancellationToken)) keys.Add(row.RowKey);
        return keys;
    }

    private async Task DeleteAsync(string name, string prefix, CancellationToken cancellationToken)
    {
        foreach (var key in await KeysAsync(name, prefix, cancellationToken))
            await _table.DeleteEntityAsync(name, key, cancellationToken: cancellationToken);
    }
}

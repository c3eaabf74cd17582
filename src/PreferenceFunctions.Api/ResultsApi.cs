using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Exports;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Collect;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api;

/// <summary>
/// Reading a run's results: <c>GET /api/runs/{runId}/results</c> (JSON, or <c>?format=csv</c> with
/// <c>&amp;table=models</c> for the models, or <c>?format=parquet</c> for every vote, votes.parquet) and
/// <c>GET /api/runs/{runId}/report</c> (HTML).
/// </summary>
public sealed class ResultsApi(RunLedger ledger, StorageConnection storage, IOptions<PreferenceOptions> options)
{
    public async Task<IResult> GetResultsAsync(string runId, HttpRequest request, CancellationToken cancellationToken)
    {
        var run = await ledger.GetAsync(runId, cancellationToken);
        if (run is null) return Problems.NotFound(runId);
        var format = request.Query["format"].ToString();
        var table = request.Query["table"].ToString();
        if (format is not ("" or "json" or "csv" or "parquet"))
            return Problems.Validation("format", $"Unknown format '{format}'; use json, csv or parquet.");
        if (table is not ("" or "matchups" or "models" or "votes"))
            return Problems.Validation("table", $"Unknown table '{table}'; use matchups, models or votes.");
        if ((format == "parquet" || table == "votes") && (format != "parquet" || table is not ("" or "votes")))
            return Problems.Validation("table", "The votes table is served as Parquet only: use ?format=parquet (table votes) or json/csv for matchups and models.");
        if (run.Status != RunStatus.Completed)
            return Problems.Conflict($"Run {runId} has no results yet (status {run.Status}, phase {run.Phase}).");
        if (format == "parquet") return await GetVotesAsync(runId, cancellationToken);

        var models = await ReadModelsAsync(runId, cancellationToken);
        var matchups = await ReadMatchupsAsync(runId, cancellationToken);
        if (format == "csv")
        {
            var csv = new StringWriter();
            if (table == "models") ModelScoresCsv.Write(models, csv);
            else MatchupResultsCsv.Write(matchups, csv);
            var fileName = $"{SafeFileName(runId)}-{(table == "models" ? "models" : "matchups")}.csv";
            return HttpResults.Text(csv.ToString(), "text/csv; charset=utf-8").AsAttachment(fileName);
        }
        return HttpResults.Json(new
        {
            runId,
            status = run.Status,
            orderId = run.OrderId,
            totalVotes = run.TotalVotes,
            winner = run.Winner,
            leaders = LeaderNames.Parse(run.Leaders),
            models,
            matchups,
        }, ApiJson.Options);
    }

    /// <summary>Streams the run's votes.parquet as a download; a run completed before the export existed has none.</summary>
    private async Task<IResult> GetVotesAsync(string runId, CancellationToken cancellationToken)
    {
        var blob = storage.Blobs.GetBlobContainerClient(options.Value.RunsContainer).GetBlobClient(RunBlobs.Votes(runId));
        try
        {
            var stream = await blob.OpenReadAsync(cancellationToken: cancellationToken);
            return HttpResults.Stream(stream, "application/vnd.apache.parquet").AsAttachment($"{SafeFileName(runId)}-votes.parquet");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Problems.Conflict($"Run {runId} has no votes export (completed before votes.parquet existed); POST /api/runs/{runId}/reaggregate writes it.");
        }
    }

    public async Task<IResult> GetReportAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await ledger.GetAsync(runId, cancellationToken);
        if (run is null) return Problems.NotFound(runId);
        var blob = storage.Blobs.GetBlobContainerClient(options.Value.RunsContainer).GetBlobClient(RunBlobs.Report(runId));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return HttpResults.Bytes(content.Value.Content.ToArray(), "text/html; charset=utf-8").AsReport();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Problems.Conflict($"Run {runId} has no report yet (status {run.Status}, phase {run.Phase}).");
        }
    }

    private static string SafeFileName(string runId) => new([.. runId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);

    /// <summary>Models in rank order.</summary>
    public async Task<IReadOnlyList<ModelScore>> ReadModelsAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = storage.Tables.GetTableClient(TableNames.ModelScores).QueryAsync<ModelScoreEntity>(e => e.PartitionKey == runId,
            cancellationToken: cancellationToken);
        var list = new List<ModelScore>();
        await foreach (var row in rows) list.Add(ResultRows.FromEntity(row));
        return list.OrderBy(m => m.Component).ThenBy(m => m.Rank).ThenByDescending(m => m.Score).ToList();
    }

    /// <summary>Matchups sorted by ratio, most one-sided first (the seed post's order).</summary>
    public async Task<IReadOnlyList<MatchupResult>> ReadMatchupsAsync(string runId, CancellationToken cancellationToken)
    {
        var rows = storage.Tables.GetTableClient(TableNames.MatchupResults).QueryAsync<MatchupResultEntity>(e => e.PartitionKey == runId,
            maxPerPage: 1000, cancellationToken: cancellationToken);
        var list = new List<MatchupResult>();
        await foreach (var row in rows) list.Add(ResultRows.FromEntity(row));
        return list.OrderByDescending(m => m.Ratio).ThenByDescending(m => m.TotalVotes).ThenBy(m => m.Matchup.Id, StringComparer.Ordinal).ToList();
    }
}

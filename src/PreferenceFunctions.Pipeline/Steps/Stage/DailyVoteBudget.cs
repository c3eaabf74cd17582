using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>
/// <c>Preference:MaxVotesPerDay</c> across every run of the storage account: an accepted dataset reserves its votes
/// on the UTC day's row (a conditional update on the row's ETag, so concurrent runs cannot both slip under the cap).
/// A run reserves once (a marker row per run), so a repeated staging activity does not count twice.
/// </summary>
public sealed class DailyVoteBudget(StorageConnection storage, IOptions<PreferenceOptions> options, TimeProvider clock, string tableName = "VoteBudget")
{
    private const string TotalRow = "total";

    /// <summary>Null when the votes fit (or no daily cap is set); else why the run is refused.</summary>
    public async Task<string?> TryReserveAsync(string runId, long votes, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxVotesPerDay;
        if (limit <= 0 || votes <= 0) return null;
        var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var table = storage.Tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        if ((await table.GetEntityIfExistsAsync<TableEntity>(day, runId, cancellationToken: cancellationToken)).HasValue) return null;
        while (true)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(day, TotalRow, cancellationToken: cancellationToken);
            var used = current.HasValue ? current.Value!.GetInt64("Votes") ?? 0 : 0;
            if (used + votes > limit)
                return string.Create(CultureInfo.InvariantCulture,
                    $"this run would order {votes:N0} votes, but {used:N0} of the {limit:N0} allowed today (UTC) are already ordered (Preference__MaxVotesPerDay); try again tomorrow or raise the limit");
            var total = new TableEntity(day, TotalRow) { ["Votes"] = used + votes };
            try
            {
                if (current.HasValue) await table.UpdateEntityAsync(total, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                else await table.AddEntityAsync(total, cancellationToken);
                break;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // another run reserved at the same moment: read the new total and try again
            }
        }
        try
        {
            await table.AddEntityAsync(new TableEntity(day, runId) { ["Votes"] = votes }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }
        return null;
    }
}

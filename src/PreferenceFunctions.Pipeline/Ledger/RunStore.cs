using Azure;
using Azure.Data.Tables;
using PreferenceFunctions.Pipeline.Shared;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>Reads and updates rows of <c>PreferenceRuns</c>.</summary>
public sealed class RunStore(StorageConnection storage)
{
    private readonly TableClient _table = storage.Tables.GetTableClient(TableNames.PreferenceRuns);

    public async Task<PreferenceRunEntity?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        var row = await _table.GetEntityIfExistsAsync<PreferenceRunEntity>(PreferenceRunEntity.Partition, runId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Creates the row unless it exists; returns false when it existed (a run for that id was already started).</summary>
    public async Task<bool> TryCreateAsync(PreferenceRunEntity run, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.AddEntityAsync(run, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Merges the given columns into the run's row (creating it if needed); null values are skipped.</summary>
    public Task MergeAsync(string runId, IReadOnlyDictionary<string, object?> columns, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(PreferenceRunEntity.Partition, runId);
        foreach (var (name, value) in columns)
        {
            if (value is not null) entity[name] = value;
        }
        return _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public AsyncPageable<PreferenceRunEntity> ListAsync(int pageSize, CancellationToken cancellationToken = default) =>
        _table.QueryAsync<PreferenceRunEntity>(r => r.PartitionKey == PreferenceRunEntity.Partition, pageSize, cancellationToken: cancellationToken);
}

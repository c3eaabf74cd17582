using Azure.Data.Tables;

namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>
/// Upserts rows in entity-group transactions: at most 100 entities, one partition each (the Table service's limits).
/// Upserts make a repeated write produce the same table.
/// </summary>
internal static class TableBatchWriter
{
    public const int MaxBatchSize = 100;

    public static async Task<int> UpsertAsync<T>(TableClient table, IEnumerable<T> rows, int parallelBatches = 4,
        CancellationToken cancellationToken = default) where T : class, ITableEntity
    {
        var batches = rows
            .GroupBy(r => r.PartitionKey)
            .SelectMany(partition => partition.Chunk(MaxBatchSize));
        var written = 0;
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelBatches, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);
                Interlocked.Add(ref written, batch.Length);
            });
        return written;
    }
}

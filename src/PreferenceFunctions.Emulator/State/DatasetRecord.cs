namespace PreferenceFunctions.Emulator.State;

/// <summary>The dataset an order creates, or one created on its own (POST /dataset, the job flow: no order);
/// datapoints are appended concurrently.</summary>
internal sealed class DatasetRecord
{
    public required string Id { get; init; }

    /// <summary>The order that created the dataset; null for a dataset created by POST /dataset.</summary>
    public string? OrderId { get; init; }

    public string? Name { get; init; }

    public List<DatapointRecord> Datapoints { get; init; } = [];

    public DatapointRecord Add(Func<int, DatapointRecord> create)
    {
        lock (Datapoints)
        {
            var datapoint = create(Datapoints.Count);
            Datapoints.Add(datapoint);
            return datapoint;
        }
    }

    /// <summary>The datapoints in their stable order (sortIndex, then creation), whatever order requests arrived in.</summary>
    public DatapointRecord[] Ordered()
    {
        lock (Datapoints)
        {
            return [.. Datapoints.OrderBy(d => d.OrderKey).ThenBy(d => d.Position)];
        }
    }

    public int Count
    {
        get
        {
            lock (Datapoints)
            {
                return Datapoints.Count;
            }
        }
    }
}

namespace PreferenceFunctions.Emulator.State;

/// <summary>The dataset an order creates; datapoints are appended concurrently.</summary>
internal sealed class DatasetRecord
{
    public required string Id { get; init; }

    public required string OrderId { get; init; }

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

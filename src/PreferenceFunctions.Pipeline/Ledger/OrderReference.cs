namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>The Rapidata order of a run.</summary>
public sealed record OrderReference(string OrderId, string DatasetId, string PipelineId, string OrderName);

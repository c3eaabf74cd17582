using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>
/// The Rapidata order of a run, or in the job flow (<see cref="Flow"/>) its dataset: there <see cref="OrderId"/> is the
/// dataset id until the job exists (the job definition and job are created at submit and recorded on the run's row,
/// where the Order step's activities find them). <see cref="Flow"/> defaults to Orders for records written before it existed.
/// </summary>
public sealed record OrderReference(string OrderId, string DatasetId, string PipelineId, string OrderName,
    RapidataFlow Flow = RapidataFlow.Orders);

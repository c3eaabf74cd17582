namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>
/// How a run asks Rapidata for votes. <see cref="Jobs"/> (the default): a dataset, a job definition, an audience and a job,
/// Rapidata's only flow in its SDK since v3.21. <see cref="Orders"/>: the compare order (with an optional validation set).
/// The value 0 is <see cref="Orders"/> so records written before the job flow existed read as what they were.
/// </summary>
public enum RapidataFlow
{
    Orders = 0,
    Jobs = 1,
}

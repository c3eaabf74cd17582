namespace PreferenceFunctions.Rapidata.Models;

/// <summary>The states of Rapidata's <c>WorkflowState</c> schema, plus <see cref="Unknown"/> for any value added later.</summary>
public enum WorkflowState
{
    /// <summary>A state this client does not know yet; the raw text is kept on <see cref="WorkflowProgress.RawState"/>.</summary>
    Unknown = 0,
    Created,
    Started,
    Labeling,
    Paused,
    Done,
    Failed,
}

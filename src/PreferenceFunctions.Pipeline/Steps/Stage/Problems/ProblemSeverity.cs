namespace PreferenceFunctions.Pipeline.Steps.Stage.Problems;

/// <summary>An error rejects the dataset; a warning is reported and the run goes on.</summary>
public enum ProblemSeverity
{
    Error,
    Warning,
}

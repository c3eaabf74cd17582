namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>An activity's input that belongs to one run: what tags the activity's span and counts its Rapidata calls.</summary>
public interface IRunInput
{
    string RunId { get; }
}

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>A model of the dataset: how many distinct images and matchups it has.</summary>
public sealed record ModelSummary(string Name, int Images, int Matchups);

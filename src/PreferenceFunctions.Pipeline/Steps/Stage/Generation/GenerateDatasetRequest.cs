namespace PreferenceFunctions.Pipeline.Steps.Stage.Generation;

/// <summary>
/// A synthetic dataset: <see cref="Matchups"/> rows over <see cref="Models"/> models, reproducible from
/// <see cref="Seed"/>; images in images.zip when <see cref="Zip"/>, else loose under images/.
/// <see cref="OrderJson"/> is written as order.json when given.
/// </summary>
public sealed record GenerateDatasetRequest(string Folder, int Matchups, int Models = 2, int Seed = 1, bool Zip = true, string? OrderJson = null);

namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Result of one Bradley–Terry fit: natural-log strengths (mean 0) per model of the component, in the component's
/// model order. Regularised is true when the maximum-likelihood estimate did not exist (some model won or lost
/// every vote within its component) and the 0.5 pseudo-vote prior was added.
/// </summary>
internal readonly record struct BradleyTerryFit(double[] LogStrengths, int Iterations, bool Converged, bool Regularised);

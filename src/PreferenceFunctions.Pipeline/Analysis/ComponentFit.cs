namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Scores of one fit of all components: by global model index, flags per component (0-based) for fits that needed
/// the pseudo-vote prior or hit the iteration limit, and the natural-log strengths per component.
/// </summary>
internal sealed record ComponentFit(double[] Scores, bool[] Regularised, bool[] Unconverged, double[][] LogStrengths);

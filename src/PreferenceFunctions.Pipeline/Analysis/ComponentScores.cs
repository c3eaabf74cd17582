namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>
/// Scores of every model from one set of pair wins: one Bradley–Terry fit per component, put on the Elo-like scale
/// score = 1000 + 400 * log10(p_i / anchor), where the anchor is the geometric mean strength of the component
/// (its mean score is 1000) or the reference model's strength (it scores 1000).
/// </summary>
internal sealed class ComponentScores
{
    private static readonly double PointsPerNaturalLog = AnalysisOptions.PointsPerDecade / Math.Log(10);
    private readonly BradleyTerry[] _components;
    private readonly int[] _referenceLocalIndex;
    private readonly AnalysisOptions _options;
    private readonly int _modelCount;

    public ComponentScores(PairwiseWins wins, ComparisonComponents components, AnalysisOptions options)
    {
        _options = options;
        _modelCount = wins.Models.Length;
        _components = components.Models.Select((models, c) => new BradleyTerry(wins, models, components.Pairs[c])).ToArray();
        var reference = options.ReferenceModel is null ? -1 : Array.IndexOf(wins.Models, options.ReferenceModel);
        _referenceLocalIndex = _components.Select(c => Array.IndexOf(c.Models, reference)).ToArray();
    }

    /// <summary>
    /// Scores by global model index, flags per component (0-based) for regularised or unconverged fits, and the
    /// fitted log-strengths per component (a warm start for later fits on similar data).
    /// </summary>
    public ComponentFit Fit(double[] firstWins, double[] secondWins, double[][]? start = null)
    {
        var scores = new double[_modelCount];
        var regularised = new bool[_components.Length];
        var unconverged = new bool[_components.Length];
        var logStrengths = new double[_components.Length][];
        for (var c = 0; c < _components.Length; c++)
        {
            var fit = _components[c].Fit(firstWins, secondWins, _options.Tolerance, _options.MaxIterations, start?[c]);
            logStrengths[c] = fit.LogStrengths;
            var anchor = _referenceLocalIndex[c] >= 0 ? fit.LogStrengths[_referenceLocalIndex[c]] : 0;
            var models = _components[c].Models;
            for (var i = 0; i < models.Length; i++)
                scores[models[i]] = AnalysisOptions.Anchor + PointsPerNaturalLog * (fit.LogStrengths[i] - anchor);
            regularised[c] = fit.Regularised;
            unconverged[c] = !fit.Converged;
        }
        return new ComponentFit(scores, regularised, unconverged, logStrengths);
    }
}

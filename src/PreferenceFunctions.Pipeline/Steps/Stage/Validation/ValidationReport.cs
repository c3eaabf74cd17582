using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>The outcome of checking a dataset: stored as runs/{runId}/validation.json and printed by <c>validate</c>.</summary>
public sealed record ValidationReport(
    bool Accepted,
    string Dataset,
    DatasetCounts Counts,
    IReadOnlyList<ModelSummary> Models,
    IReadOnlyList<ModelPairCount> ModelPairs,
    IReadOnlyList<IReadOnlyList<string>> ModelGroups,
    OrderSettings Settings,
    int ErrorCount,
    int WarningCount,
    int ProblemsNotListed,
    IReadOnlyList<DatasetProblem> Problems);

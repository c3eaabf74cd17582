using PreferenceFunctions.Pipeline.Steps.Report;

namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>What <see cref="AnalysisOutputFolder"/> writes besides the CSVs and the report.</summary>
/// <param name="PairFigures">Pair figures (PNG) written for the most one-sided matchups.</param>
/// <param name="Exports">Opt-in exports; <c>huggingface.jsonl</c> is written by
/// <see cref="AnalysisOutputFolder.WriteHuggingFaceAsync"/> from a second, streamed read of the results.</param>
public sealed record AnalysisOutputOptions(ReportOptions Report, DpoExportOptions Dpo, int PairFigures = 12,
    AnalysisExports Exports = AnalysisExports.None)
{
    public static AnalysisOutputOptions Default { get; } = new(new ReportOptions(), new DpoExportOptions());
}

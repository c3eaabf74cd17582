using System.Collections.ObjectModel;

namespace PreferenceFunctions.Rapidata.Results;

/// <summary>The <c>summary</c> block: pairs won by option index 0 (A) and 1 (B).</summary>
/// <param name="Values">Every numeric summary field as written, including ones this client does not name.</param>
public sealed record CompareResultsSummary(int? AWinsTotal, int? BWinsTotal, IReadOnlyDictionary<string, double> Values)
{
    public static readonly CompareResultsSummary Empty = new(null, null, ReadOnlyDictionary<string, double>.Empty);
}

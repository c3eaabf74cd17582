using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// A valid, de-duplicated CSV row: the prompt, the two images it names and their models. A positional struct, as
/// 100,000s of them are held while a CSV is checked; construct it with named arguments. Staging turns it into a
/// <c>ManifestMatchup</c>, the CLI's analyze into an analysis <c>Matchup</c>.
/// </summary>
public readonly record struct MatchupRow(
    int Row,
    int Line,
    string? Id,
    string Prompt,
    ImageEntry Image1,
    ImageEntry Image2,
    string Model1,
    string Model2,
    string[]? Metadata);

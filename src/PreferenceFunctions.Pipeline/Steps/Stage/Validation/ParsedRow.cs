using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// One matchups.csv row as the parsing thread leaves it for the rules thread (<see cref="ParsedRowBatch"/>): everything
/// its cells decide. A mutable struct in a pooled array, so a row costs no allocation in <c>validate</c>.
/// </summary>
internal struct ParsedRow
{
    public RowAt At;
    /// <summary>The batch's problems up to here belong to this row and the ones before it.</summary>
    public int ProblemsEnd;
    /// <summary>False when a cell was wrong (already reported): the row takes no further part.</summary>
    public bool Valid;
    public UInt128 PromptHash;
    public ImageSlot Image1;
    public ImageSlot Image2;
    public string Model1;
    public string Model2;
    /// <summary>True when the row has no id and derived ids are checked: <see cref="DerivedId"/> is due.</summary>
    public bool DerivesId;
    /// <summary>
    /// The id derived from the row's content, hashed here when the rows are not kept; when they are, the rules thread
    /// hashes the kept prompt (see <see cref="MatchupRowRules"/>).
    /// </summary>
    public ulong DerivedId;
    /// <summary>Kept only when the rows are kept (staging): the trimmed id and prompt and the metadata cells.</summary>
    public string? Id;
    public string? Prompt;
    public string[]? Metadata;
}

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// The ids of matchups.csv's rows, each with the first row that has it, held without their strings: explicit ids by
/// <see cref="TextHash"/>, derived ids as their number (<see cref="MatchupIds.DeriveHash(ReadOnlySpan{char}, string, string)"/>). An explicit id of the
/// derived form (<c>m-</c> + 16 hex digits) is held as that number too, so a derived id equal to it is found.
/// </summary>
internal sealed class RowIds
{
    private readonly RowKeySet _explicit = new();
    private readonly RowKeySet _derivedForm = new();

    /// <summary>True for an id not seen before; false with the row that already has it.</summary>
    public bool TryAddExplicit(ReadOnlySpan<char> id, int row, out int firstRow)
    {
        if (!_explicit.TryAdd(TextHash.Of(id), row, out firstRow)) return false;
        if (MatchupIds.TryParse(id, out var hash)) _derivedForm.TryAdd(hash, row, out _);
        return true;
    }

    /// <summary>Call once every explicit id is added, with the number of derived ids to come.</summary>
    public void ExpectDerived(int count) => _derivedForm.EnsureRoomFor(count);

    /// <summary>Call once every explicit id is added: true for a derived id no row has yet; false with the row that has it.</summary>
    public bool TryAddDerived(ulong hash, int row, out int firstRow) => _derivedForm.TryAdd(hash, row, out firstRow);
}

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// An index hit: the image plus what validation needs without touching the image object (its dense id and listed
/// size), so checking a row costs no extra cache misses on a 200,000-image index.
/// </summary>
public readonly record struct ImageSlot(ImageEntry Entry, int Id, long? SizeBytes);

using PreferenceFunctions.Pipeline.Datasets.Images;

namespace PreferenceFunctions.Pipeline.Datasets.Validation;

/// <summary>
/// The model of one side of a matchup: the explicit model column, else <see cref="ModelNames.FromImagePath"/> of the
/// reference (derived once per image). Names are interned so 100,000 rows share a handful of strings.
/// </summary>
public sealed class ModelResolver
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<ImageEntry, string> _derived = new(ReferenceEqualityComparer.Instance);

    public string Resolve(ReadOnlySpan<char> explicitModel, ImageEntry image, ReadOnlySpan<char> reference)
    {
        if (!explicitModel.IsEmpty) return Intern(explicitModel);
        if (_derived.TryGetValue(image, out var model)) return model;
        var path = image.Source == ImageSource.Url ? new Uri(image.Path).AbsolutePath : reference.ToString();
        return _derived[image] = Intern(ModelNames.FromImagePath(path));
    }

    private string Intern(ReadOnlySpan<char> name)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out var interned)) return interned;
        var text = name.ToString();
        _names[text] = text;
        return text;
    }
}

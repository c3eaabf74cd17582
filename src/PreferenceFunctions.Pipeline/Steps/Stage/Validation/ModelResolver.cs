using System.Runtime.CompilerServices;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// The model of one side of a matchup: the explicit model column, else <see cref="ModelNames.Slice"/> of the
/// reference. Names are interned so 100,000 rows share a handful of strings and derive them without allocating.
/// </summary>
internal sealed class ModelResolver
{
    private readonly Dictionary<string, string> _names;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ModelResolver()
    {
        _names = new Dictionary<string, string>(FastStringComparer.Instance);
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Distinct model names seen so far.</summary>
    public int Count => _names.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public string Resolve(ReadOnlySpan<char> explicitModel, ReadOnlySpan<char> reference, bool isUrl)
    {
        if (!explicitModel.IsEmpty) return Intern(explicitModel);
        if (isUrl) return Intern(ModelNames.Slice(new Uri(reference.ToString()).AbsolutePath));
        return reference.IndexOf('\\') >= 0 ? Intern(ModelNames.FromImagePath(reference.ToString())) : Intern(ModelNames.Slice(reference));
    }

    private string Intern(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out var interned)) return interned;
        var text = name.ToString();
        _names[text] = text;
        return text;
    }
}

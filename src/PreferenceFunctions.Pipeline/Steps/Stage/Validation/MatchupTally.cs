using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// What the report needs of the staged matchups, gathered row by row so a report-only check (<c>validate</c>) never holds
/// the rows: how many, each model's matchups and distinct images, the matchups per model pair, and every image with the
/// row and column that first names it (where a problem with its bytes is reported). Images are compared by reference:
/// the index holds one <see cref="ImageEntry"/> per image.
/// </summary>
internal sealed class MatchupTally
{
    private readonly Dictionary<string, int> _modelIndexes = new(StringComparer.Ordinal);
    private readonly List<ModelTotals> _models = [];
    private readonly Dictionary<(int Low, int High), int> _pairs = [];
    private readonly Dictionary<ImageEntry, FirstUse> _images = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(ImageEntry Image, int Model)> _imagesUnderOtherModels = [];
    private string? _lastModel;
    private int _lastModelIndex;

    public int Count { get; private set; }

    /// <summary>Every image of the matchups, in the order they are first named, with where that is.</summary>
    public IEnumerable<(ImageEntry Image, FirstUse Use)> Images => _images.Select(p => (p.Key, p.Value));

    public static MatchupTally Of(IEnumerable<MatchupRow> rows)
    {
        var tally = new MatchupTally();
        foreach (var m in rows) tally.Add(m.Row, m.Line, m.Image1, m.Model1, m.Image2, m.Model2);
        return tally;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public void Add(int row, int line, ImageEntry image1, string model1, ImageEntry image2, string model2)
    {
        Count++;
        var first = Model(model1);
        var second = Model(model2);
        AddImage(image1, first, new FirstUse(row, line, "image1"));
        AddImage(image2, second, new FirstUse(row, line, "image2"));
        _models[first].Matchups++;
        if (second != first) _models[second].Matchups++;
        var pair = string.CompareOrdinal(model1, model2) <= 0 ? (first, second) : (second, first);
        CollectionsMarshal.GetValueRefOrAddDefault(_pairs, pair, out _)++;
    }

    /// <summary>Models by name with their distinct images and matchups; pairs by names with their matchups.</summary>
    public (IEnumerable<ModelSummary> Models, IEnumerable<ModelPairCount> Pairs) Totals() =>
        (_models.Select(m => new ModelSummary(m.Name, m.Images, m.Matchups)),
         _pairs.Select(p => new ModelPairCount(_models[p.Key.Low].Name, _models[p.Key.High].Name, p.Value)));

    private int Model(string name)
    {
        if (ReferenceEquals(name, _lastModel)) return _lastModelIndex; // rows mostly repeat their neighbours' models
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_modelIndexes, name, out var known);
        if (!known)
        {
            index = _models.Count;
            _models.Add(new ModelTotals(name));
        }
        (_lastModel, _lastModelIndex) = (name, index);
        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    private void AddImage(ImageEntry image, int model, FirstUse use)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_images, image, out var known);
        if (!known)
        {
            first = use with { Model = model };
            _models[model].Images++;
        }
        else if (first.Model != model && _imagesUnderOtherModels.Add((image, model)))
        {
            _models[model].Images++; // the same image under a second model (an explicit model column) counts for both
        }
    }

    /// <summary>Where an image is first named: its row, line and column; <see cref="Model"/> the model it was named under.</summary>
    public readonly record struct FirstUse(int Row, int Line, string Column, int Model = 0);

    private sealed class ModelTotals(string name)
    {
        public string Name { get; } = name;
        public int Images { get; set; }
        public int Matchups { get; set; }
    }
}

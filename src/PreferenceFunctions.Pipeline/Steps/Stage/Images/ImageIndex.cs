using System.Runtime.CompilerServices;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Images;

/// <summary>
/// Every image of a dataset, listed once, looked up per CSV cell without allocating. A reference is tried in each
/// scope (images.zip first, then loose files) against each of the scope's prefixes: the dataset folder then its
/// <c>images/</c> folder; the zip root then its single top-level folder.
/// </summary>
public sealed class ImageIndex
{
    private readonly List<Scope> _scopes = [];

    /// <summary>What was searched, for messages: e.g. "images.zip or the dataset folder".</summary>
    public string Description => _scopes.Count == 0 ? "the dataset (it has no images)" : string.Join(" or ", _scopes.Select(s => s.Description));

    public int Count => _scopes.Sum(s => s.Paths.Slots.Count);

    public IEnumerable<ImageEntry> Entries => _scopes.SelectMany(s => s.Paths.Slots.Select(slot => slot.Entry));

    public ImageIndex AddScope(string description, IEnumerable<ImageEntry> entries, IReadOnlyList<string> prefixes)
    {
        _scopes.Add(new Scope(description, new ImagePathTable(entries, firstId: Count), [.. prefixes]));
        return this;
    }

    /// <summary>The image a normalised reference names, or null.</summary>
    public ImageEntry? Find(ReadOnlySpan<char> reference) => TryFind(reference, out var slot) ? slot.Entry : null;

    /// <summary>Looks a normalised reference up in every scope and prefix, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // per row: optimised from the first call (docs/performance.md)
    public bool TryFind(ReadOnlySpan<char> reference, out ImageSlot slot)
    {
        foreach (var scope in _scopes)
        {
            foreach (var prefix in scope.Prefixes) // an array: no enumerator allocated per lookup
            {
                if (prefix.Length == 0 ? scope.Paths.TryGet(reference, out slot) : TryFindPrefixed(scope, prefix, reference, out slot))
                    return true;
            }
        }
        slot = default;
        return false;
    }

    // Separate so the common unprefixed hit never pays for the stack buffer.
    private static bool TryFindPrefixed(Scope scope, string prefix, ReadOnlySpan<char> reference, out ImageSlot slot)
    {
        slot = default;
        if (prefix.Length + reference.Length > 1024) return false;
        Span<char> buffer = stackalloc char[prefix.Length + reference.Length];
        prefix.CopyTo(buffer);
        reference.CopyTo(buffer[prefix.Length..]);
        return scope.Paths.TryGet(buffer, out slot);
    }

    /// <summary>The zip's single top-level folder ("name/"), if every entry is inside one.</summary>
    public static string? SingleTopFolder(IEnumerable<string> paths)
    {
        string? top = null;
        foreach (var path in paths)
        {
            var slash = path.IndexOf('/');
            if (slash <= 0) return null;
            var first = path[..(slash + 1)];
            if (top is null) top = first;
            else if (top != first) return null;
        }
        return top;
    }

    private sealed record Scope(string Description, ImagePathTable Paths, string[] Prefixes);
}

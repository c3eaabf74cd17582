namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>Checks an image reference before lookup: no escaping the dataset folder, no absolute paths, URLs only when allowed.</summary>
internal static class ImageReferences
{
    public enum Kind { Path, Empty, Url, Unsafe }

    /// <summary>Classifies a trimmed reference; for <see cref="Kind.Path"/> <paramref name="normalised"/> uses '/' and drops a leading "./".</summary>
    public static Kind Classify(ReadOnlySpan<char> reference, out string? normalised, out string? reason)
    {
        normalised = null;
        reason = null;
        if (reference.IsEmpty) return Kind.Empty;
        if (reference[0] is not ('/' or '.') && reference.IndexOfAny('\\', ':') < 0 && reference.IndexOf("..", StringComparison.Ordinal) < 0)
            return Kind.Path; // the common case: nothing to rewrite, the caller looks the span up as it is
        if (reference.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || reference.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return Kind.Url;
        var path = reference.ToString().Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':') || path.Contains(':'))
        {
            reason = "is an absolute path or URL; use a path relative to the dataset folder";
            return Kind.Unsafe;
        }
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        if (path.Split('/').Any(segment => segment == ".."))
        {
            reason = "contains \"..\"; paths may not leave the dataset folder";
            return Kind.Unsafe;
        }
        normalised = path;
        return path.Length == 0 ? Kind.Empty : Kind.Path;
    }
}

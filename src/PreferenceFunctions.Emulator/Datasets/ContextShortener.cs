namespace PreferenceFunctions.Emulator.Datasets;

/// <summary>
/// The emulator's stand-in for Rapidata's context shortening (a language model there): deterministic, so the same
/// context always gives the same result. A context of at most <see cref="MaxContextLength"/> characters is returned as
/// it is; a longer one keeps whole sentences from the start while they fit, else whole words, and ends with "…".
/// </summary>
internal static class ContextShortener
{
    /// <summary>The backend's limit for a datapoint context (CreateDatapointCommandValidator, MaximumLength(400)).</summary>
    public const int MaxContextLength = 400;

    private const string Ellipsis = "…";

    public static string Shorten(string context)
    {
        var text = string.Join(' ', context.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= MaxContextLength) return text;

        var budget = MaxContextLength - Ellipsis.Length;
        var sentenceEnd = LastSentenceEnd(text, budget);
        if (sentenceEnd > budget / 2) return text[..sentenceEnd];

        var cut = text.LastIndexOf(' ', budget);
        return (cut > 0 ? text[..cut] : text[..budget]).TrimEnd(',', ';', ':', ' ') + Ellipsis;
    }

    /// <summary>The end (exclusive) of the last sentence that ends within the first <paramref name="limit"/> characters, or 0.</summary>
    private static int LastSentenceEnd(string text, int limit)
    {
        for (var i = Math.Min(limit, text.Length) - 1; i > 0; i--)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' ')) return i + 1;
        }

        return 0;
    }
}

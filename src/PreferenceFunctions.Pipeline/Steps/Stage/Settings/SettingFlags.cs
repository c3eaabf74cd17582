namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>Friendly setting names of the Rapidata SDK and the feature-flag keys they send (rapidata-api.md §5).</summary>
internal static class SettingFlags
{
    /// <summary>The flag whose value is a delay in milliseconds rather than a switch.</summary>
    public const string CompareUnsure = "compare_unsure";

    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["NoShuffle"] = "no_shuffle",
        ["AllowNeitherBoth"] = CompareUnsure,
        ["OriginalLanguageOnly"] = "force_original_language",
        ["SwapContextInstruction"] = "swap_question_and_prompt",
        ["NoInstructionDisplay"] = "no_aux_text",
        ["Markdown"] = "use_main_text_markdown",
        ["ComparePanorama"] = "compare_panorama",
        ["CompareEquirectangular"] = "compare_equirectangular",
        ["MuteVideo"] = "mute_video_asset",
        ["PlayPercentageVideo"] = "media_played_percentage",
        ["DisableAutoloop"] = "disable_autoloop",
        ["NoMistakeOption"] = "no_mistake",
        ["KeyboardNumeric"] = "keyboard_numeric",
        ["FreeTextMinimumCharacters"] = "free_text_minimum_characters",
        ["FreeTextMaxCharacters"] = "free_text_max_characters",
        ["LocateMinPoints"] = "locate_min_points",
        ["LocateMaxPoints"] = "locate_max_points",
        ["ClassifyEquirectangular"] = "classify_equirectangular",
    };

    /// <summary>The flag key for a setting name or a flag key itself; null when unknown.</summary>
    public static string? KeyFor(string nameOrKey)
    {
        if (ByName.TryGetValue(nameOrKey, out var key)) return key;
        return ByName.Values.FirstOrDefault(k => string.Equals(k, nameOrKey, StringComparison.OrdinalIgnoreCase));
    }
}

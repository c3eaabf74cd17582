namespace PreferenceFunctions.Pipeline;

/// <summary>Defaults for runs, bound from the <c>Preference</c> configuration section.</summary>
public sealed class PreferenceOptions
{
    public const string SectionName = "Preference";

    /// <summary>Container where users drop datasets.</summary>
    public string DatasetsContainer { get; set; } = "datasets";

    /// <summary>The question labelers answer (the seed post's wording).</summary>
    public string Criteria { get; set; } = "Which image fits the description better?";

    /// <summary>Votes collected per matchup.</summary>
    public int ResponsesPerMatchup { get; set; } = 15;

    /// <summary>Optional Rapidata validation set attached to every order.</summary>
    public string? ValidationSetId { get; set; }
}

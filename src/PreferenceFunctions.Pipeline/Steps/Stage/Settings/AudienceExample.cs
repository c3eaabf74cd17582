namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>A qualification example of a custom audience: a prompt, two images of the dataset folder and the right answer (1 or 2);
/// <see cref="Index"/> is its place in order.json's list, kept when an invalid example before it is left out.</summary>
public sealed record AudienceExample(string Prompt, string Image1, string Image2, int Winner, int Index = 0);

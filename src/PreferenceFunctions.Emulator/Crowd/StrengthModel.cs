namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>Hidden strength of an asset: its model's strength (matched by folder or file-name prefix) times seeded per-image noise.</summary>
internal static class StrengthModel
{
    public static double Of(string originalName, CrowdOptions crowd)
    {
        var noise = crowd.ImageNoise <= 0
            ? 1.0
            : Math.Exp(crowd.ImageNoise * StableHash.Gaussian(new Random(StableHash.Seed(crowd.Seed, "strength", originalName))));
        return ModelStrength(originalName, crowd) * noise;
    }

    private static double ModelStrength(string originalName, CrowdOptions crowd)
    {
        var segments = originalName.Split('/', '\\');
        var fileName = segments[^1];
        var folders = segments[..^1];
        var best = (Length: -1, Strength: crowd.DefaultStrength);
        foreach (var (model, strength) in crowd.ModelStrengths)
        {
            var matches = folders.Contains(model, StringComparer.OrdinalIgnoreCase)
                || fileName.StartsWith(model, StringComparison.OrdinalIgnoreCase);
            if (matches && model.Length > best.Length)
            {
                best = (model.Length, strength);
            }
        }

        return best.Strength;
    }
}

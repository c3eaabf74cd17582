namespace PreferenceFunctions.Emulator.Crowd;

/// <summary>The simulated crowd: annotators drawn once from the seed, some of them low-score random voters.</summary>
internal sealed class AnnotatorPool
{
    private static readonly (string Country, string Language, int Weight)[] Places =
    [
        ("US", "en", 14), ("IN", "en", 10), ("BR", "pt", 9), ("DE", "de", 7), ("PH", "en", 7), ("ID", "id", 6),
        ("MX", "es", 6), ("NG", "en", 5), ("GB", "en", 5), ("FR", "fr", 5), ("ES", "es", 4), ("TR", "tr", 4),
        ("PL", "pl", 4), ("VN", "vi", 4), ("KE", "en", 3), ("JP", "ja", 3), ("EG", "ar", 2), ("IT", "it", 2),
    ];

    private static readonly string[] AgeGroups = ["18-29", "30-39", "40-49", "50-64", "65+"];
    private static readonly string[] Genders = ["Male", "Female", "Other"];
    private static readonly string[] Occupations = ["Student", "Employed", "Self-employed", "Unemployed", "Retired"];

    private readonly Annotator[] annotators;

    public AnnotatorPool(int seed, int count, double lowScoreShare)
    {
        var random = new Random(StableHash.Seed(seed, "annotators"));
        var totalWeight = Places.Sum(p => p.Weight);
        annotators = new Annotator[Math.Max(1, count)];
        for (var i = 0; i < annotators.Length; i++)
        {
            var place = Pick(random.Next(totalWeight));
            var atRandom = random.NextDouble() < lowScoreShare;
            var score = atRandom ? 0.05 + (0.3 * random.NextDouble()) : 0.55 + (0.4 * random.NextDouble());
            var demographics = new Dictionary<string, string>();
            if (random.NextDouble() < 0.7)
            {
                demographics["age"] = AgeGroups[random.Next(AgeGroups.Length)];
                demographics["gender"] = Genders[random.Next(10) < 9 ? random.Next(2) : 2];
                demographics["occupation"] = Occupations[random.Next(Occupations.Length)];
            }

            annotators[i] = new Annotator(place.Country, place.Language, Math.Round(score, 4), atRandom, demographics);
        }
    }

    public int Count => annotators.Length;

    public Annotator this[int index] => annotators[index];

    private static (string Country, string Language, int Weight) Pick(int roll)
    {
        foreach (var place in Places)
        {
            if ((roll -= place.Weight) < 0)
            {
                return place;
            }
        }

        return Places[^1];
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Generation;

/// <summary>
/// Writes a valid dataset in the seed post's shape for tests, benchmarks and the sample: matchups.csv
/// (prompt,image1,image2) and one distinct small PNG per side, named like the seed (<c>flux/flux_12_0.png</c>).
/// The first matchups chain all models together so the matchup graph is connected.
/// </summary>
public static class DatasetGenerator
{
    private static readonly string[] KnownModels = ["flux", "stable_diffusion", "midjourney", "dall_e", "imagen", "ideogram", "recraft", "kandinsky"];
    private static readonly string[] Subjects = ["a lighthouse", "a red fox", "an old bicycle", "a glass teapot", "a mountain village", "a robot gardener", "a paper boat", "two cats", "a violin", "a desert caravan"];
    private static readonly string[] Places = ["on a cliff", "in a snowy forest", "on a kitchen table", "under a full moon", "in a busy market", "beside a river", "on the surface of Mars", "in a library"];
    private static readonly string[] Styles = ["during a thunderstorm", "in watercolor", "as a pencil sketch", "in golden hour light", "in the style of a 1950s poster", "photorealistic", "in neon colors"];

    public static string ModelName(int index) => index < KnownModels.Length ? KnownModels[index] : $"model_{index + 1}";

    /// <summary>Every zip entry's time: the same request writes the same bytes, whenever and wherever it runs.</summary>
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Generate(GenerateDatasetRequest request)
    {
        if (request.Matchups < 1 || request.Models < 2) throw new ArgumentException("A dataset needs at least 1 matchup and 2 models.", nameof(request));
        Directory.CreateDirectory(request.Folder);
        var random = new Random(request.Seed);
        var csv = new StringBuilder("prompt,image1,image2\n");
        using var zip = request.Zip ? ZipFile.Open(Path.Combine(request.Folder, DatasetFiles.Zip), ZipArchiveMode.Create) : null;
        for (var i = 0; i < request.Matchups; i++)
        {
            var (a, b) = Pair(i, request.Models, random);
            if (random.Next(2) == 1) (a, b) = (b, a);
            var prompt = $"{Pick(Subjects, random)} {Pick(Places, random)}, {Pick(Styles, random)}";
            var image1 = Write(zip, request.Folder, ModelName(a), i, 0);
            var image2 = Write(zip, request.Folder, ModelName(b), i, 1);
            csv.Append(CultureInfo.InvariantCulture, $"\"{prompt}\",{image1},{image2}\n");
        }
        File.WriteAllText(Path.Combine(request.Folder, DatasetFiles.Matchups), csv.ToString());
        if (request.OrderJson is not null) File.WriteAllText(Path.Combine(request.Folder, DatasetFiles.Order), request.OrderJson);
    }

    /// <summary>A distinct 8x8 PNG for (model, matchup, side): colours from the numbers, so every file hashes differently.</summary>
    public static byte[] Image(string model, int matchup, int side)
    {
        var modelHash = model.Aggregate(17, (h, c) => unchecked(h * 31 + c));
        var random = new Random(modelHash ^ (matchup * 31 + side));
        var rgb = new byte[8 * 8 * 3];
        random.NextBytes(rgb);
        BitConverter.TryWriteBytes(rgb.AsSpan(0, 4), matchup); // the first pixels carry the numbers: never two equal images
        rgb[4] = (byte)side;
        BitConverter.TryWriteBytes(rgb.AsSpan(5, 4), modelHash);
        return TinyPng.Encode(8, 8, rgb);
    }

    private static (int A, int B) Pair(int i, int models, Random random)
    {
        if (i < models - 1) return (i, i + 1);
        var a = random.Next(models);
        var b = random.Next(models - 1);
        return (a, b >= a ? b + 1 : b);
    }

    private static string Pick(string[] words, Random random) => words[random.Next(words.Length)];

    private static string Write(ZipArchive? zip, string folder, string model, int matchup, int side)
    {
        var name = $"{model}/{model}_{matchup}_{side}.png";
        var bytes = Image(model, matchup, side);
        if (zip is not null)
        {
            var zipEntry = zip.CreateEntry(name, CompressionLevel.Fastest);
            zipEntry.LastWriteTime = EntryTime;
            using var entry = zipEntry.Open();
            entry.Write(bytes);
        }
        else
        {
            var path = Path.Combine(folder, "images", model, $"{model}_{matchup}_{side}.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
        return name;
    }
}

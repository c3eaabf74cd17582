using PreferenceFunctions.Pipeline.Steps.Stage.Images;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Validation;

/// <summary>
/// A custom audience's qualification examples, checked like matchups: each image is a file of the dataset folder or
/// images.zip (staged, hashed and uploaded like a matchup's image; URLs are not taken, nothing of theirs could be checked),
/// the two images have different file names (the truth names the winner by its uploaded file name), and the prompt fits
/// Rapidata's 400 characters (an example's context is not shortened). Problems name the field, e.g.
/// <c>order.json, field audience.examples[1].image2</c>.
/// </summary>
internal static class AudienceExampleCheck
{
    public static IReadOnlyList<StagedAudienceExample> Resolve(AudienceSettings? audience, string source, ImageIndex images, DatasetOptions options,
        ProblemList problems)
    {
        var staged = new List<StagedAudienceExample>();
        var examples = audience?.Examples ?? [];
        foreach (var example in examples)
        {
            var field = $"audience.examples[{example.Index}]";
            void Bad(string code, string name, string message) =>
                problems.Error(code, source, $"{source}, field {field}.{name}: {message}", column: "audience");
            if (example.Prompt.Length > MatchupCsvValidator.LongPromptLength)
                Bad(ProblemCodes.PromptTooLong, "prompt", $"{example.Prompt.Length:N0} characters, over Rapidata's limit of " +
                    $"{MatchupCsvValidator.LongPromptLength} for a context; qualification examples are not shortened, so shorten it");
            var image1 = Find(example.Image1, "image1", images, options, Bad);
            var image2 = Find(example.Image2, "image2", images, options, Bad);
            if (image1 is null || image2 is null) continue;
            if (ReferenceEquals(image1, image2)) Bad(ProblemCodes.SameImage, "image2", $"\"{image2.Path}\" is the same image as image1");
            else if (string.Equals(image1.FileName, image2.FileName, StringComparison.OrdinalIgnoreCase))
                Bad(ProblemCodes.SameImage, "image2", $"\"{image2.Path}\" has the same file name as image1 (\"{image1.Path}\"); " +
                    "the winner is named by file name, so rename one of them");
            else staged.Add(new StagedAudienceExample(example.Index, example, image1, image2));
        }
        return staged;
    }

    private static ImageEntry? Find(string reference, string name, ImageIndex images, DatasetOptions options, Action<string, string, string> bad)
    {
        switch (ImageReferences.Classify(reference, out var normalised, out var reason))
        {
            case ImageReferences.Kind.Empty:
                bad(ProblemCodes.EmptyImage, name, "no image given");
                return null;
            case ImageReferences.Kind.Unsafe:
                bad(ProblemCodes.UnsafePath, name, $"\"{reference}\" {reason}");
                return null;
            case ImageReferences.Kind.Url:
                bad(ProblemCodes.UrlNotAllowed, name, $"\"{reference}\" is a URL; an example's images must be files of the dataset folder or images.zip");
                return null;
        }
        if (!(normalised is null ? images.TryFind(reference, out var slot) : images.TryFind(normalised, out slot)))
        {
            bad(ProblemCodes.ImageNotFound, name, $"image \"{reference}\" not found in {images.Description}");
            return null;
        }
        if (slot.SizeBytes > options.MaxImageBytes)
        {
            bad(ProblemCodes.ImageTooLarge, name, $"\"{slot.Entry.Path}\" is {slot.SizeBytes:N0} bytes, over the limit of {options.MaxImageBytes:N0} (Preference__Datasets__MaxImageBytes)");
            return null;
        }
        return slot.Entry;
    }
}

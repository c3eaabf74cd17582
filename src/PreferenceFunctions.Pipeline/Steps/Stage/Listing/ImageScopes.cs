using System.IO.Compression;
using PreferenceFunctions.Pipeline.Steps.Stage.Images;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Listing;

/// <summary>Index scopes for the two layouts: zip entries (root, then the single top folder) and loose files (folder, then images/).</summary>
internal static class ImageScopes
{
    public static ImageIndex AddZip(this ImageIndex index, ZipArchive archive)
    {
        var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.EndsWith('\\'))
            .Select(e => new ImageEntry(e.FullName.Replace('\\', '/'), ImageSource.Zip, e.Length, e.FullName)).ToList();
        var top = ImageIndex.SingleTopFolder(entries.Select(e => e.Path));
        return index.AddScope(DatasetFiles.Zip, entries, top is null ? [""] : ["", top]);
    }

    public static ImageIndex AddLoose(this ImageIndex index, IEnumerable<ImageEntry> entries, string description) =>
        index.AddScope(description, entries, ["", DatasetFiles.ImagesFolder]);
}

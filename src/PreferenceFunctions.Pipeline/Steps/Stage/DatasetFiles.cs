namespace PreferenceFunctions.Pipeline.Steps.Stage;

/// <summary>The well-known file names of a dataset folder (docs/datasets.md).</summary>
public static class DatasetFiles
{
    public const string Matchups = "matchups.csv";
    public const string Zip = "images.zip";
    public const string Order = "order.json";
    public const string ImagesFolder = "images/";

    public static bool IsWellKnown(string relativePath) => relativePath is Matchups or Zip or Order;
}

namespace PreferenceFunctions.Local.Client;

/// <summary>A dataset uploaded to the datasets container: its name, its CSV's version (ETag) and the run that version maps to.</summary>
public sealed record DatasetUpload(string Container, string Dataset, string CsvETag, string RunId, int Files);

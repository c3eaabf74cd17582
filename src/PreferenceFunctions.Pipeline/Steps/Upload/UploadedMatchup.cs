namespace PreferenceFunctions.Pipeline.Steps.Upload;

/// <summary>
/// How a matchup's images are named in Rapidata's results: the results document keys votes by the file name each
/// asset was uploaded with, which for reused content can differ from this dataset's file name.
/// <see cref="ShortenedPrompt"/> is the context Rapidata showed instead of a prompt over 400 characters (else null).
/// </summary>
public sealed record UploadedMatchup(string MatchupId, string ResultKey1, string ResultKey2, string? ShortenedPrompt = null);

namespace PreferenceFunctions.Pipeline.Steps.Stage.Problems;

/// <summary>Stable codes of every validation rule (documented in docs/datasets.md, "Validation rules").</summary>
internal static class ProblemCodes
{
    public const string MissingFile = "missing-file";
    public const string EmptyFile = "empty-file";
    public const string NotUtf8 = "not-utf8";
    public const string MissingColumn = "missing-column";
    public const string DuplicateColumn = "duplicate-column";
    public const string FieldCount = "field-count";
    public const string TooManyRows = "too-many-rows";
    public const string NoMatchups = "no-matchups";
    public const string EmptyPrompt = "empty-prompt";
    public const string LongPrompt = "long-prompt";
    public const string EmptyImage = "empty-image";
    public const string UnsafePath = "unsafe-path";
    public const string UrlNotAllowed = "url-not-allowed";
    public const string ImageNotFound = "image-not-found";
    public const string ImageTooLarge = "image-too-large";
    public const string NotAnImage = "not-an-image";
    public const string SameImage = "same-image";
    public const string SameModel = "same-model";
    public const string BadId = "bad-id";
    public const string DuplicateId = "duplicate-id";
    public const string DuplicateMatchup = "duplicate-matchup";
    public const string DisconnectedModels = "disconnected-models";
    public const string BadZip = "bad-zip";
    public const string OrderJson = "order-json";
    public const string OrderUnknownKey = "order-unknown-key";
    public const string OrderSetting = "order-setting";
    public const string FileTooLarge = "file-too-large";
    public const string TooManyZipEntries = "too-many-zip-entries";
    public const string PromptTooLong = "prompt-too-long";
    public const string ModelNameTooLong = "model-name-too-long";
    public const string TooManyModels = "too-many-models";
    public const string MetadataTooLarge = "metadata-too-large";
    public const string ImageTooManyPixels = "image-too-many-pixels";
    public const string TooManyVotes = "too-many-votes";
    public const string TooManyVotesToday = "too-many-votes-today";
    public const string SameAsCompletedRun = "same-as-completed-run";
}

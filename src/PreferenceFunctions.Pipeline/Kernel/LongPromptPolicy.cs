namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>
/// What a run does with prompts over Rapidata's 400-character limit for a datapoint's context (the backend rejects them):
/// <see cref="Shorten"/> them through <c>POST /datasets/shorten-context</c> before upload, as Rapidata's SDK does (the
/// original stays in the tables and reports, the shortened one is recorded beside it), or <see cref="Reject"/> the dataset.
/// </summary>
public enum LongPromptPolicy
{
    Shorten = 0,
    Reject = 1,
}

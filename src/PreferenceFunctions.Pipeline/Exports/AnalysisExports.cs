namespace PreferenceFunctions.Pipeline.Exports;

/// <summary>
/// The files <see cref="AnalysisOutputFolder"/> writes only when asked (<c>analyze --exports hf,dpo</c>): they are
/// training data rather than the rankings, and the Hugging Face file is larger than the results document itself.
/// </summary>
[Flags]
public enum AnalysisExports
{
    None = 0,

    /// <summary><c>huggingface.jsonl</c>, one line per results entry with its individual votes.</summary>
    HuggingFace = 1,

    /// <summary><c>dpo.jsonl</c>, preference-training pairs.</summary>
    Dpo = 2,
}

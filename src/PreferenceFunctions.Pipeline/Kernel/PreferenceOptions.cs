using System.ComponentModel.DataAnnotations;

namespace PreferenceFunctions.Pipeline.Kernel;

/// <summary>Defaults for runs, bound from the <c>Preference</c> configuration section.</summary>
public sealed class PreferenceOptions
{
    public const string SectionName = "Preference";

    /// <summary>Container where users drop datasets.</summary>
    [Required]
    public string DatasetsContainer { get; set; } = "datasets";

    /// <summary>Container holding each run's validation report, manifest, raw results and report.</summary>
    [Required]
    public string RunsContainer { get; set; } = "runs";

    /// <summary>The question labelers answer (the seed post's wording).</summary>
    [Required, MaxLength(250)]
    public string Criteria { get; set; } = "Which image fits the description better?";

    /// <summary>Votes collected per matchup.</summary>
    [Range(1, 1000)]
    public int ResponsesPerMatchup { get; set; } = 15;

    /// <summary>Most votes one run may order (staged matchups x responses per matchup); a bigger run is rejected at validation.</summary>
    [Range(1, long.MaxValue)]
    public long MaxVotesPerRun { get; set; } = 100_000;

    /// <summary>Most votes all runs of the storage account may order per UTC day; 0 turns the daily cap off.</summary>
    [Range(0, long.MaxValue)]
    public long MaxVotesPerDay { get; set; }

    /// <summary>Optional Rapidata validation set attached to every order; a run with one uses the order flow.</summary>
    public string? ValidationSetId { get; set; }

    /// <summary>The flow of a run whose order.json names none (and no validation set): jobs, or the compare order.</summary>
    public RapidataFlow Flow { get; set; } = RapidataFlow.Jobs;

    /// <summary>The audience of a job-flow run whose order.json names none: <c>global</c> or an audience id.</summary>
    [Required]
    public string Audience { get; set; } = "global";

    /// <summary>Prompts over 400 characters: shortened through Rapidata before upload, or the dataset is rejected.</summary>
    public LongPromptPolicy LongPrompts { get; set; } = LongPromptPolicy.Shorten;

    /// <summary>First wait between order status checks; doubles up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A run whose order has not completed by then fails with a clear reason.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Upload chunks in flight at once per run.</summary>
    [Range(1, 64)]
    public int UploadConcurrency { get; set; } = 4;

    /// <summary>What a run does to its order when it gives up after submitting it (deadline, failure, cancel).</summary>
    public OrderAbandonAction OnAbandon { get; set; } = OrderAbandonAction.Pause;

    /// <summary>How long a cancel waits for the run to stop its own order before it terminates the run and stops the order itself.</summary>
    public TimeSpan CancelTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Base URL of the HTTP API (e.g. the Function App's URL), used for links in events; none by default.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Parallel Rapidata calls inside one upload chunk.</summary>
    [Range(1, 64)]
    public int RequestsPerChunk { get; set; } = 8;

    /// <summary>Votes a model needs within a voter group (a country, an age group) for the report's breakdown to show its win rate.</summary>
    [Range(1, int.MaxValue)]
    public int BreakdownMinVotes { get; set; } = 30;
}

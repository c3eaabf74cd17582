using Azure;
using Azure.Data.Tables;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Ledger;

/// <summary>
/// One row per run in <c>PreferenceRuns</c> (PartitionKey <c>run</c>, RowKey runId): the run's summary. Enums are stored by
/// name. Only <see cref="RunLedger"/> writes these rows.
/// </summary>
public sealed class PreferenceRunEntity : ITableEntity
{
    public const string Partition = "run";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? DatasetsContainer { get; set; }
    public string? DatasetFolder { get; set; }
    public RunStatus? Status { get; set; }
    public RunPhase? Phase { get; set; }
    public string? OrderId { get; set; }
    public string? OrderName { get; set; }
    public OrderState? OrderState { get; set; }
    public string? RapidataDatasetId { get; set; }
    public string? PipelineId { get; set; }
    public string? Criteria { get; set; }
    public int? ResponsesPerMatchup { get; set; }
    public int? MatchupCount { get; set; }
    public int? ImageCount { get; set; }
    public int? ChunksUploaded { get; set; }
    public int? ChunkCount { get; set; }
    public int? AssetsUploaded { get; set; }
    public int? AssetsReused { get; set; }
    public int? DatapointsCreated { get; set; }
    public int? TotalVotes { get; set; }
    public string? Winner { get; set; }

    /// <summary>The models tied at the top, a JSON array (see <see cref="LeaderNames"/>); one model when there is a winner.</summary>
    public string? Leaders { get; set; }
    public string? Models { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Error { get; set; }
    public string? NotificationFailures { get; set; }
    public string? ValidationBlob { get; set; }

    /// <summary>The completed run this one's dataset is byte-identical to: nothing was ordered, that run answers for this one.</summary>
    public string? SameAsRun { get; set; }
    public string? ResultsBlob { get; set; }
    public string? ReportBlob { get; set; }

    /// <summary>Why the report could not be written; the run's results are complete without it.</summary>
    public string? ReportError { get; set; }

    /// <summary>The leaderboard the run's votes are added to once it completes (order.json <c>leaderboard</c>).</summary>
    public string? Leaderboard { get; set; }

    /// <summary>Why the run's votes could not be added to its leaderboard; the run's results are complete without it.</summary>
    public string? LeaderboardError { get; set; }

    /// <summary>The last progress message (while waiting: the order's state, or why Rapidata could not be asked).</summary>
    public string? Message { get; set; }

    /// <summary>What the run did to its order when it gave up on it (paused, deleted, kept, or why that failed).</summary>
    public string? OrderAbandoned { get; set; }

    /// <summary>Which Rapidata flow the run uses; null on rows written before the job flow (the order flow).</summary>
    public RapidataFlow? Flow { get; set; }

    /// <summary>Job flow: the job definition, the audience and the job (the job id is also <see cref="OrderId"/> once it exists).</summary>
    public string? JobDefinitionId { get; set; }

    public string? AudienceId { get; set; }

    public string? JobId { get; set; }

    /// <summary>Job flow: Rapidata's estimate of the run's cost (<c>GET /job/definition/{id}/cost-estimate</c>), when it gave one.</summary>
    public double? EstimatedCost { get; set; }

    /// <summary>The job's state as Rapidata names it (AudienceJobState, e.g. ManualApproval, SpendLimited).</summary>
    public string? JobState { get; set; }

    /// <summary>Votes paid for: matchups × responses per matchup (votes received are <see cref="TotalVotes"/>).</summary>
    public int? VotesOrdered { get; set; }

    /// <summary>HTTP calls made to Rapidata for this run (every attempt, token requests included) and how many were retries.</summary>
    public long? RapidataCalls { get; set; }

    public long? RapidataRetries { get; set; }

    /// <summary>The part of <see cref="RapidataCalls"/> and <see cref="RapidataRetries"/> the upload phase's totals put there
    /// (the chunks of the run's own fan-out), kept so that a checkpoint recorded again replaces it instead of adding it twice.</summary>
    public long? UploadRapidataCalls { get; set; }

    public long? UploadRapidataRetries { get; set; }

    /// <summary>When the run entered its current <see cref="Phase"/> (orchestration time).</summary>
    public DateTimeOffset? PhaseStartedAt { get; set; }

    /// <summary>Seconds spent in each phase the run has left, as JSON (<c>{"Validating":1.2,"Uploading":8.5}</c>); see <see cref="PhaseTimings"/>.</summary>
    public string? PhaseSeconds { get; set; }

    /// <summary>Adaptive runs: rounds whose votes were collected (the first order is round 1), extra votes ordered after
    /// round 1, and one line per round with what stopped them (also in <c>{runId}/rounds.json</c>).</summary>
    public int? Rounds { get; set; }

    public int? ExtraVotes { get; set; }

    public string? RoundsSummary { get; set; }
}

using System.Text.Json.Serialization;

namespace PreferenceFunctions.Rapidata.Models;

/// <summary>The states of Rapidata's <c>AudienceJobState</c> schema, plus <see cref="Unknown"/> for any value added later.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobState>))]
public enum JobState
{
    /// <summary>A state this client does not know yet; the raw text is kept on the job.</summary>
    Unknown = 0,
    Submitted,
    Running,
    Completed,
    Failed,
    ManualApproval,
    Queued,
    Paused,
    StaleResults,
    SpendLimited,
}

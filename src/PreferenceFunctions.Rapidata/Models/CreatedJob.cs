namespace PreferenceFunctions.Rapidata.Models;

/// <summary>What <c>POST /job</c> returns. <see cref="CostWarning"/> is set when the estimate exceeds the balance left
/// (the job runs anyway and may become SpendLimited).</summary>
public sealed record CreatedJob(string JobId, bool RecruitingStarted, JobCostWarning? CostWarning = null);

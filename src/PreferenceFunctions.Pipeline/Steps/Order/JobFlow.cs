using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>
/// The job flow behind the Order step's activities: create the dataset (CreateOrder); after upload create or adopt the
/// job definition (its cost estimate recorded), find or create the audience, create or adopt the job (SubmitOrder); then
/// the job's state, retry, download and abandon. Everything created is found again by the run's name through the list
/// endpoints or read from the run's row, so each call is safe to repeat after a crash.
/// </summary>
public sealed partial class JobFlow(RapidataClient rapidata, RunLedger ledger, ManifestStore manifests, AudienceSetup audiences,
    IOptions<PreferenceOptions> options, TimeProvider clock, ILogger<JobFlow> logger)
{
    /// <summary>The run's dataset (<c>POST /dataset</c>), recorded at once. An unrecorded dataset of a crashed attempt stays
    /// empty and costs nothing; Rapidata has no dataset list to find it by name.</summary>
    public async Task<OrderReference> CreateDatasetAsync(string runId, string name)
    {
        var datasetId = await rapidata.CreateDatasetAsync(name);
        var reference = new OrderReference(datasetId, datasetId, "", name, RapidataFlow.Jobs);
        await ledger.RecordOrderAsync(runId, reference);
        return reference;
    }

    /// <summary>Definition, audience and job, each reused when recorded or found by name: the job is created once. Returns its id.</summary>
    public async Task<string> SubmitAsync(string runId)
    {
        var row = await ledger.GetAsync(runId) ?? throw new InvalidOperationException($"Run {runId} has no row.");
        if (row.JobId is { } recorded) return recorded;
        var name = row.OrderName ?? throw new InvalidOperationException($"Run {runId} has no recorded dataset name.");
        var datasetId = row.RapidataDatasetId ?? throw new InvalidOperationException($"Run {runId} has no recorded Rapidata dataset.");
        var manifest = await manifests.ReadManifestAsync(options.Value.RunsContainer, RunBlobs.Manifest(runId));
        var settings = manifest.Settings;

        var definitionId = row.JobDefinitionId ?? (await rapidata.FindJobDefinitionsAsync(runId)).FirstOrDefault(d => d.Name == name)?.DefinitionId;
        if (definitionId is null)
        {
            var created = await rapidata.CreateCompareJobDefinitionAsync(new CompareJobDefinitionRequest(name, settings.Criteria,
                CompareOrderRequests.RefereeFor(settings), datasetId, RapidFeatureFlags: CompareOrderRequests.Flags(settings)));
            definitionId = created.DefinitionId;
        }
        if (row.JobDefinitionId is null) await ledger.RecordJobDefinitionAsync(runId, definitionId, await CostEstimateAsync(definitionId));

        var audienceId = row.AudienceId ?? await audiences.ResolveAsync(runId, settings, manifest.AudienceExamples ?? []);
        if (row.AudienceId is null) await ledger.RecordAudienceAsync(runId, audienceId);

        var jobId = (await rapidata.FindJobsAsync(runId)).FirstOrDefault(j => j.Name == name)?.Id;
        if (jobId is null)
        {
            jobId = (await rapidata.CreateJobAsync(definitionId, audienceId, name)).JobId;
            LogCreated(runId, jobId);
            await DeleteTwinsAsync(runId, name, jobId);
        }
        else LogAdopted(runId, jobId);
        await ledger.RecordJobAsync(runId, jobId, clock.GetUtcNow());
        return jobId;
    }

    public async Task<OrderStatus> StatusAsync(PreferenceRunEntity? row, string runId)
    {
        var jobId = JobIdOf(row, runId);
        var job = await rapidata.GetJobAsync(jobId);
        var progress = job.State == JobState.Running ? await rapidata.GetJobProgressAsync(jobId) : null;
        if (row?.JobState != job.RawState) await ledger.RecordJobStateAsync(runId, job.RawState);
        return JobStatuses.From(job, progress);
    }

    /// <summary>A resumed run's job: resumed if paused, else left as it is.</summary>
    public async Task<OrderStatus> ResumeAsync(PreferenceRunEntity? row, string runId)
    {
        var jobId = JobIdOf(row, runId);
        var job = await rapidata.GetJobAsync(jobId);
        if (job.State != JobState.Paused) return JobStatuses.From(job, null);
        await rapidata.ResumeJobAsync(jobId);
        return JobStatuses.From(await rapidata.GetJobAsync(jobId), null);
    }

    public async Task RetryAsync(PreferenceRunEntity? row, string runId)
    {
        var jobId = JobIdOf(row, runId);
        if ((await rapidata.GetJobAsync(jobId)).State == JobState.StaleResults) await rapidata.RetryJobAsync(jobId);
    }

    /// <summary>The results document as a stream; null when Rapidata says the results are stale (then it was asked to regenerate them).</summary>
    public async Task<Stream?> DownloadAsync(PreferenceRunEntity? row, string runId)
    {
        var jobId = JobIdOf(row, runId);
        try
        {
            return await rapidata.DownloadJobResultsAsync(jobId);
        }
        catch (RapidataRequestException e) when (e.StatusCode is >= 400 and < 500)
        {
            if ((await rapidata.GetJobAsync(jobId)).State != JobState.StaleResults) throw;
            await rapidata.RetryJobAsync(jobId);
            return null;
        }
    }

    /// <summary>Pauses, deletes or keeps the run's job; a job that ended, is gone, or was never created is left as it is.</summary>
    public async Task<(string Outcome, OrderState? State)> AbandonAsync(PreferenceRunEntity? row, OrderAbandonAction action)
    {
        if (action == OrderAbandonAction.Keep) return ("kept running", null);
        if (row?.JobId is not { } jobId) return ("not started: no job was created", null);
        RapidataJob job;
        try
        {
            job = await rapidata.GetJobAsync(jobId);
        }
        catch (RapidataRequestException e) when (e.StatusCode == 404)
        {
            return ("already gone", null);
        }
        if (job.State is JobState.Completed or JobState.Failed)
            return ($"left as it was: it had already ended ({job.RawState})", JobStatuses.Map(job.State));
        if (action == OrderAbandonAction.Delete)
        {
            await rapidata.DeleteJobAsync(jobId);
            return ("deleted", OrderState.Cancelled);
        }
        if (job.State == JobState.SpendLimited) return ("left spend-limited (it collects no votes until resumed)", OrderState.Paused);
        if (job.State != JobState.Paused) await rapidata.PauseJobAsync(jobId);
        return ("paused", OrderState.Paused);
    }

    private async Task<double?> CostEstimateAsync(string definitionId)
    {
        try
        {
            return (await rapidata.GetJobDefinitionCostEstimateAsync(definitionId)).EstimatedCost;
        }
        catch (RapidataRequestException e)
        {
            LogNoEstimate(definitionId, e.StatusCode);
            return null;
        }
    }

    /// <summary>A POST /job retried after a lost response can start a second job with the same name; it would be paid for, so it goes.</summary>
    private async Task DeleteTwinsAsync(string runId, string name, string keptJobId)
    {
        foreach (var twin in (await rapidata.FindJobsAsync(runId)).Where(j => j.Name == name && j.Id != keptJobId))
        {
            await rapidata.DeleteJobAsync(twin.Id);
            LogDeletedTwin(runId, twin.Id);
        }
    }

    private static string JobIdOf(PreferenceRunEntity? row, string runId) =>
        row?.JobId ?? throw new InvalidOperationException($"Run {runId} has no Rapidata job recorded yet (it is created at submit).");

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: created Rapidata job {JobId}")]
    private partial void LogCreated(string runId, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: adopted Rapidata job {JobId} created by an earlier attempt")]
    private partial void LogAdopted(string runId, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: deleted twin job {JobId} left by a retried request")]
    private partial void LogDeletedTwin(string runId, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No cost estimate for job definition {DefinitionId} (status {StatusCode})")]
    private partial void LogNoEstimate(string definitionId, int statusCode);
}

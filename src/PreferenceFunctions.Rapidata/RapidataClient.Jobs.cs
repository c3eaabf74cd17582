using PreferenceFunctions.Rapidata.Models;
using PreferenceFunctions.Rapidata.Wire;

namespace PreferenceFunctions.Rapidata;

public sealed partial class RapidataClient
{
    /// <summary>Creates a compare job definition over a dataset (<c>POST /job/definition</c>).</summary>
    public async Task<CreatedJobDefinition> CreateCompareJobDefinitionAsync(CompareJobDefinitionRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Name, nameof(request.Name));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Criteria, nameof(request.Criteria));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DatasetId, nameof(request.DatasetId));
        ArgumentNullException.ThrowIfNull(request.Referee, nameof(request.Referee));
        var body = new CreateJobDefinitionBody(request.Name,
            new SimpleWorkflowBody(new CompareBlueprintBody(request.Criteria, request.IndexIdentifiers)),
            request.Referee, request.DatasetId, request.RapidFeatureFlags ?? []);
        return await SendForJsonAsync<CreatedJobDefinition>(HttpMethod.Post, "job/definition", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Job definitions whose name contains <paramref name="nameContains"/>, newest first (<c>GET /job/definitions</c>).</summary>
    public async Task<IReadOnlyList<JobDefinitionSummary>> FindJobDefinitionsAsync(string nameContains, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nameContains);
        var query = $"page=1&page_size=20&name%5Bcontains%5D={Uri.EscapeDataString(nameContains)}&sort=-created_at";
        var page = await SendForJsonAsync<PageResponse<JobDefinitionSummary>>(HttpMethod.Get, "job/definitions?" + query, null, cancellationToken)
            .ConfigureAwait(false);
        return page.Items;
    }

    /// <summary>What running the definition to completion is estimated to cost (<c>GET /job/definition/{id}/cost-estimate</c>).</summary>
    public Task<CostEstimate> GetJobDefinitionCostEstimateAsync(string definitionId, CancellationToken cancellationToken = default) =>
        SendForJsonAsync<CostEstimate>(HttpMethod.Get, $"job/definition/{Segment(definitionId, nameof(definitionId))}/cost-estimate", null,
            cancellationToken);

    /// <summary>Starts a job: the definition's latest revision labelled by the audience (<c>POST /job</c>). From here it is paid for.</summary>
    public Task<CreatedJob> CreateJobAsync(string definitionId, string audienceId, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(audienceId);
        return SendForJsonAsync<CreatedJob>(HttpMethod.Post, "job", new CreateJobBody(definitionId, audienceId, name), cancellationToken);
    }

    /// <summary>The job's state, failure message and review reason (<c>GET /job/{id}</c>).</summary>
    public async Task<RapidataJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var job = await SendForJsonAsync<GetJobResponse>(HttpMethod.Get, $"job/{Segment(jobId, nameof(jobId))}", null, cancellationToken)
            .ConfigureAwait(false);
        return new RapidataJob(job.JobId, job.Name, job.DefinitionId, job.AudienceId, job.PipelineId, ParseJobState(job.State), job.State,
            job.FailureMessage, job.ReviewReason, job.CompletedAt);
    }

    /// <summary>Jobs whose name contains <paramref name="nameContains"/>, newest first (<c>GET /jobs</c>).</summary>
    public async Task<IReadOnlyList<JobSummary>> FindJobsAsync(string nameContains, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nameContains);
        var query = $"page=1&page_size=20&name%5Bcontains%5D={Uri.EscapeDataString(nameContains)}&sort=-created_at";
        var page = await SendForJsonAsync<PageResponse<JobListItemResponse>>(HttpMethod.Get, "jobs?" + query, null, cancellationToken)
            .ConfigureAwait(false);
        return [.. page.Items.Select(j => new JobSummary(j.JobId, j.Name, j.JobDefinitionId, j.AudienceId, ParseJobState(j.State), j.State,
            j.CreatedAt))];
    }

    /// <summary>How far the crowd is with the job (<c>GET /job/{id}/progress</c>); the state is a <c>LabelingState</c>.</summary>
    public async Task<WorkflowProgress> GetJobProgressAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var progress = await SendForJsonAsync<WorkflowProgressResponse>(HttpMethod.Get, $"job/{Segment(jobId, nameof(jobId))}/progress",
            null, cancellationToken).ConfigureAwait(false);
        return progress.ToProgress();
    }

    /// <summary>The raw results document of a completed job (<c>GET /job/{id}/download-results</c>), streamed; same format as orders.</summary>
    public async Task<Stream> DownloadJobResultsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"job/{Segment(jobId, nameof(jobId))}/download-results", null,
            HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await OwnedBodyAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops collecting responses (<c>POST /job/{id}/pause</c>).</summary>
    public Task PauseJobAsync(string jobId, CancellationToken cancellationToken = default) => JobCommandAsync(jobId, "pause", cancellationToken);

    /// <summary>Resumes a paused or spend-limited job (<c>POST /job/{id}/resume</c>).</summary>
    public Task ResumeJobAsync(string jobId, CancellationToken cancellationToken = default) => JobCommandAsync(jobId, "resume", cancellationToken);

    /// <summary>Regenerates stale results or re-runs a failed job (<c>POST /job/{id}/retry</c>).</summary>
    public Task RetryJobAsync(string jobId, CancellationToken cancellationToken = default) => JobCommandAsync(jobId, "retry", cancellationToken);

    /// <summary>Deletes the job (<c>DELETE /job/{id}</c>).</summary>
    public Task DeleteJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        SendForNoContentAsync(HttpMethod.Delete, $"job/{Segment(jobId, nameof(jobId))}", null, cancellationToken);

    private Task JobCommandAsync(string jobId, string command, CancellationToken cancellationToken) =>
        SendForNoContentAsync(HttpMethod.Post, $"job/{Segment(jobId, nameof(jobId))}/{command}", null, cancellationToken);

    private static JobState ParseJobState(string? text) =>
        Enum.TryParse<JobState>(text, ignoreCase: true, out var state) && Enum.IsDefined(state) && !int.TryParse(text, out _)
            ? state
            : JobState.Unknown;
}

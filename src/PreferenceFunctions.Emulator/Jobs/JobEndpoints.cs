using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.Aggregation;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.Orders;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Jobs;

/// <summary>
/// The job flow of order.openapi.json: POST /job/definition over a dataset of its own (POST /dataset), POST /job for an
/// audience, then GET /job/{jobId} (AudienceJobState, see <see cref="JobStates"/>), progress, download-results and the
/// commands. A job runs on the order state machine, so the crowd, faults and results are the orders'.
/// </summary>
internal static class JobEndpoints
{
    /// <summary>The emulator's price of one response, for cost estimates.</summary>
    public const double CostPerResponse = 0.01;

    public static void MapJobEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapContract("POST", "/job/definition", CreateDefinition);
        routes.MapContract("GET", "/job/definitions", (HttpRequest request, EmulatorState state) => ListQuery.Run(request,
            state.JobDefinitions.Values, DefinitionField, (items, total, page, size) => new PagedOutput<DefinitionListItem>(total, page, size,
                [.. items.Select(d => new DefinitionListItem(d.Id, d.Name, "Compare", d.CreatedAt, 1, Owner.Id, Owner.Mail, Owner.Organization))],
                Pages(total, size))));
        routes.MapContract("GET", "/job/definition/{definitionId}/cost-estimate", CostEstimate);
        routes.MapContract("POST", "/job", CreateJob);
        routes.MapContract("GET", "/jobs", (HttpRequest request, Env env) => ListQuery.Run(request,
            env.State.LiveJobs.Select(j => env.Lifecycle.Refresh(j)), JobField, (items, total, page, size) => new PagedOutput<JobListItem>(total, page,
                size, [.. items.Select(j => new JobListItem(j.Id, j.Name, j.JobDefinitionId!, j.AudienceId!, 1, j.PipelineId,
                    JobStates.Of(j.State), Owner.Mail, Owner.Organization, j.CreatedAt))], Pages(total, size))));
        routes.MapContract("GET", "/job/{jobId}", Get);
        routes.MapContract("GET", "/job/{jobId}/progress", Progress);
        routes.MapContract("GET", "/job/{jobId}/download-results", DownloadResultsAsync);
        routes.MapContract("POST", "/job/{jobId}/pause", (string jobId, Env env) => Command(env, jobId, env.Commands.Pause));
        routes.MapContract("POST", "/job/{jobId}/resume", (string jobId, Env env) => Command(env, jobId, env.Commands.Resume));
        routes.MapContract("POST", "/job/{jobId}/retry", (string jobId, Env env) => Command(env, jobId, env.Commands.Retry));
        routes.MapContract("POST", "/job/{jobId}/approve", (string jobId, Env env) => Command(env, jobId, env.Commands.Approve));
        routes.MapContract("DELETE", "/job/{jobId}", (string jobId, Env env) => Command(env, jobId, env.Commands.Delete));
    }

    private static IResult CreateDefinition(HttpContext context, Env env)
    {
        var body = ContractValidationMiddleware.Body(context)!;
        var errors = new Dictionary<string, string[]>();
        var workflow = body["workflow"]!;
        var blueprint = workflow["blueprint"];
        if (workflow["_t"]!.GetValue<string>() != "SimpleWorkflow" || blueprint?["_t"]?.GetValue<string>() != "CompareBlueprint")
            errors["$.workflow"] = ["The emulator simulates compare jobs only: use a SimpleWorkflow with a CompareBlueprint."];
        var datasetId = body["datasetId"]!.GetValue<string>();
        if (env.State.FindDataset(datasetId) is null) errors["$.datasetId"] = [$"Dataset '{datasetId}' does not exist."];
        var referee = CreateOrderReader.ReadReferee(body["referee"]!, errors);
        if (errors.Count > 0 || referee is null) return Problems.Validation(errors);

        var flags = CreateOrderReader.Flags(body["rapidFeatureFlags"]).Concat(CreateOrderReader.Flags(body["campaignFeatureFlags"])).ToList();
        var definition = new JobDefinitionRecord
        {
            Id = Ids.New(),
            Name = body["definitionName"]!.GetValue<string>(),
            DatasetId = datasetId,
            PipelineId = Ids.New(),
            CreatedAt = env.Lifecycle.Now,
            Criteria = blueprint!["criteria"]!.GetValue<string>(),
            IndexIdentifiers = blueprint["indexIdentifiers"] is JsonArray names ? [.. names.Select(n => n!.GetValue<string>())] : null,
            Referee = referee,
            AllowUnsure = flags.Any(f => f.Key == "compare_unsure"),
            RapidFeatureFlags = flags,
        };
        env.State.JobDefinitions[definition.Id] = definition;
        env.State.Changed();
        return Results.Ok(new CreatedDefinitionOutput(definition.Id, definition.PipelineId));
    }

    private static IResult CostEstimate(string definitionId, EmulatorState state)
    {
        if (!state.JobDefinitions.TryGetValue(definitionId, out var definition)) return Problems.NotFound("Job definition", definitionId);
        var datapoints = state.Datasets.TryGetValue(definition.DatasetId, out var dataset) ? dataset.Count : 0;
        var responses = (long)datapoints * definition.Referee.MaxVotes;
        return Results.Ok(new CostEstimateOutput(responses * CostPerResponse, CostPerResponse, datapoints, responses));
    }

    private static IResult CreateJob(HttpContext context, Env env)
    {
        var body = ContractValidationMiddleware.Body(context)!;
        var definitionId = body["jobDefinitionId"]!.GetValue<string>();
        var audienceId = body["audienceId"]!.GetValue<string>();
        var errors = new Dictionary<string, string[]>();
        if (!env.State.JobDefinitions.TryGetValue(definitionId, out var definition))
            errors["$.jobDefinitionId"] = [$"Job definition '{definitionId}' does not exist."];
        if (!Audiences.AudienceEndpoints.Exists(env.State, audienceId)) errors["$.audienceId"] = [$"Audience '{audienceId}' does not exist."];
        if (definition is not null && (env.State.FindDataset(definition.DatasetId)?.Count ?? 0) == 0)
            errors["$.jobDefinitionId"] = ["The definition's dataset has no datapoints; add datapoints before creating a job."];
        if (errors.Count > 0) return Problems.Validation(errors);

        var now = env.Lifecycle.Now;
        var job = new OrderRecord
        {
            Id = Ids.New(),
            Name = body["name"]?.GetValue<string>() ?? $"{definition!.Name}:1",
            DatasetId = definition!.DatasetId,
            PipelineId = Ids.New(),
            CampaignId = Ids.New(),
            WorkflowId = Ids.New(),
            CreatedAt = now,
            Criteria = definition.Criteria,
            IndexIdentifiers = definition.IndexIdentifiers,
            Referee = definition.Referee,
            AllowUnsure = definition.AllowUnsure,
            RapidFeatureFlags = definition.RapidFeatureFlags,
            JobDefinitionId = definition.Id,
            AudienceId = audienceId,
            State = OrderStates.Submitted,
            SubmittedAt = now,
        };
        env.State.Orders[job.Id] = job;
        env.State.Changed();
        return Results.Ok(new CreatedJobOutput(job.Id, RecruitingStarted: true, ContentCheckSkipDenied: false));
    }

    private static IResult Get(string jobId, Env env)
    {
        if (env.State.FindJob(jobId) is not { } job) return Problems.NotFound("Job", jobId);
        env.Lifecycle.Refresh(job);
        var state = JobStates.Of(job.State);
        return Results.Ok(new JobOutput(job.Id, job.Name, job.JobDefinitionId!, job.AudienceId!, 1, job.PipelineId, job.CampaignId,
            Audiences.AudienceEndpoints.NameOf(env.State, job.AudienceId!), state, state, false, false, job.CompletedAt,
            job.State == OrderStates.Failed ? job.FailureMessage : null,
            state == "ManualApproval" ? "ContentFlagged" : null, job.CreatedAt, Owner.Id, Owner.Mail, Owner.Organization));
    }

    private static IResult Progress(string jobId, Env env)
    {
        if (env.State.FindJob(jobId) is not { } job) return Problems.NotFound("Job", jobId);
        env.Lifecycle.Refresh(job);
        var total = env.State.Datasets[job.DatasetId].Count;
        var completed = env.Lifecycle.CompletedDatapoints(job, env.Lifecycle.Now);
        return Results.Ok(new JobProgressOutput(total == 0 ? 0 : 100.0 * completed / total, total, completed, JobStates.LabelingOf(job.State)));
    }

    private static async Task DownloadResultsAsync(string jobId, HttpContext context, Env env, ResultsDocumentWriter writer)
    {
        if (env.State.FindJob(jobId) is not { } job)
        {
            await Problems.NotFound("Job", jobId).ExecuteAsync(context);
            return;
        }

        if (env.Commands.BeginDownload(job) is { } error)
        {
            await Problems.Validation("jobId", error.Replace("/order/{orderId}", "/job/{jobId}", StringComparison.Ordinal)).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{jobId}-results.json\"";
        await writer.WriteAsync(context.Response.Body, job, collectedVotes: null, asJsonString: false, context.RequestAborted);
    }

    private static IResult Command(Env env, string jobId, Func<OrderRecord, string?> command)
    {
        if (env.State.FindJob(jobId) is not { } job) return Problems.NotFound("Job", jobId);
        return command(job) is { } error
            ? Problems.Validation("jobId", error.Replace("The order is", "The job is", StringComparison.Ordinal))
            : Results.NoContent();
    }

    private static string? DefinitionField(JobDefinitionRecord d, string field) => field switch
    {
        "name" => d.Name,
        "definition_id" => d.Id,
        "created_at" => ListQuery.Date(d.CreatedAt),
        _ => null,
    };

    private static string? JobField(OrderRecord j, string field) => field switch
    {
        "id" => j.Id,
        "name" => j.Name,
        "job_definition_id" => j.JobDefinitionId,
        "audience_id" => j.AudienceId,
        "state" => JobStates.Of(j.State),
        "created_at" => ListQuery.Date(j.CreatedAt),
        _ => null,
    };

    private static int Pages(long total, int size) => (int)Math.Ceiling(total / (double)size);
}

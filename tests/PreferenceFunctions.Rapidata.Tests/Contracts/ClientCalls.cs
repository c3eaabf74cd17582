using System.Text.Json.Nodes;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Rapidata.Tests.Contracts;

/// <summary>Every call the client makes, in each shape it can take, with the operation it must hit.</summary>
internal static class ClientCalls
{
    public sealed record Call(string Name, string Operation, Func<RapidataClient, Task> Run);

    public static readonly IReadOnlyList<Call> All =
    [
        new("GetValidationSet", "GET /validation-set/{validationSetId}", c => c.GetValidationSetAsync("vs-1")),
        new("CreateValidationSet", "POST /validation-set", c => c.CreateValidationSetAsync("compare truths")),
        new("AddCompareValidationRapid", "POST /validation-set/{validationSetId}/rapid", c => c.AddCompareValidationRapidAsync("vs-1",
            new CompareValidationRapid("asset-a.png", "asset-b.png", "Which image fits the description better?", "asset-b.png",
                Context: "a red bicycle", Explanation: "The left one has no bicycle."))),
        new("CreateCompareOrder.Naive", "POST /order", c => c.CreateCompareOrderAsync(FullOrder(new NaiveReferee(15)))),
        new("CreateCompareOrder.Quorum", "POST /order", c => c.CreateCompareOrderAsync(FullOrder(new QuorumReferee(10, 7)))),
        new("CreateCompareOrder.EarlyStopping", "POST /order", c => c.CreateCompareOrderAsync(FullOrder(new EarlyStoppingReferee(20, 0.999)))),
        new("CreateCompareOrder.Minimal", "POST /order", c => c.CreateCompareOrderAsync(
            new CompareOrderRequest("run-1", "Which image fits the description better?", new NaiveReferee(5)))),
        new("UploadAsset", "POST /asset/file", c => c.UploadAssetAsync(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]), "model_a/cat_1_0.png")),
        new("UploadAsset.Compressed", "POST /asset/file", c => c.UploadAssetAsync(new MemoryStream([1, 2, 3]), "cat.jpg",
            new AssetUploadOptions(Compress: true, Quality: 85, MaxDimension: 1024))),
        new("UploadAssetFromUrl", "POST /asset/url", c => c.UploadAssetFromUrlAsync(new Uri("https://example.org/images/flux_1_0.png?v=2"))),
        new("UploadAssetFromUrl.Compressed", "POST /asset/url", c => c.UploadAssetFromUrlAsync(new Uri("https://example.org/cat.jpg"),
            new AssetUploadOptions(Compress: true, Quality: 85, MaxDimension: 1024))),
        new("CreateDatapoint", "POST /dataset/{datasetId}/datapoint", c => c.CreateDatapointAsync("dataset-1",
            new CompareDatapoint("asset-a.png", "asset-b.png", "A lighthouse in a storm", 7,
                new Dictionary<string, string> { ["matchupId"] = "m-7", ["model1"] = "sdxl" }))),
        new("CreateDatapoint.Bare", "POST /dataset/{datasetId}/datapoint", c => c.CreateDatapointAsync("dataset-1",
            new CompareDatapoint("asset-a.png", "asset-b.png", null, 0, null))),
        new("PreviewOrder", "POST /order/{orderId}/preview", c => c.PreviewOrderAsync("order-1")),
        new("SubmitOrder", "POST /order/{orderId}/submit", c => c.SubmitOrderAsync("order-1")),
        new("PauseOrder", "POST /order/{orderId}/pause", c => c.PauseOrderAsync("order-1")),
        new("ResumeOrder", "POST /order/{orderId}/resume", c => c.ResumeOrderAsync("order-1")),
        new("DeleteOrder", "DELETE /order/{orderId}", c => c.DeleteOrderAsync("order-1")),
        new("RetryOrder", "POST /order/{orderId}/retry", c => c.RetryOrderAsync("order-1")),
        new("GetOrder", "GET /order/{orderId}", c => c.GetOrderAsync("order-1")),
        new("FindOrders", "GET /orders", c => c.FindOrdersAsync("run-42 [retry] & co", page: 2, pageSize: 25)),
        new("DownloadResults", "GET /order/{orderId}/download-results", async c => await (await c.DownloadResultsAsync("order-1")).DisposeAsync()),
        new("GetResults", "GET /order/{orderId}/results", c => c.GetResultsAsync("order-1")),
        new("StartPreliminaryDownload", "POST /pipeline/{pipelineId}/preliminary-download", c => c.StartPreliminaryDownloadAsync("pipeline-1")),
        new("ListDatapoints", "GET /dataset/{datasetId}/datapoints", async c =>
        {
            await foreach (var _ in c.ListDatapointsAsync("dataset-1")) { }
        }),
        new("GetPipelineDatasetId", "GET /pipeline/{pipelineId}", c => c.GetPipelineDatasetIdAsync("pipeline-1")),
        new("GetPipelineWorkflowId", "GET /pipeline/{pipelineId}", c => c.GetPipelineWorkflowIdAsync("pipeline-1")),
        new("GetWorkflowProgress", "GET /workflow/{workflowId}/progress", c => c.GetWorkflowProgressAsync("workflow-1")),
        new("CreateDataset", "POST /dataset", c => c.CreateDatasetAsync("flux vs sd3 [run-42]")),
        new("ShortenContexts", "POST /datasets/shorten-context", c => c.ShortenContextsAsync(
            [new ContextToShorten(new string('a', 401), "Which image fits the description better?")])),
        new("CreateCompareJobDefinition", "POST /job/definition", c => c.CreateCompareJobDefinitionAsync(new CompareJobDefinitionRequest(
            "flux vs sd3 [run-42]", "Which image fits the description better?", new QuorumReferee(10, 7), "dataset-1",
            IndexIdentifiers: ["flux", "sd3"], RapidFeatureFlags: [new FeatureFlag("compare_unsure", "1000")]))),
        new("CreateCompareJobDefinition.Minimal", "POST /job/definition", c => c.CreateCompareJobDefinitionAsync(
            new CompareJobDefinitionRequest("run-1", "Which image fits the description better?", new NaiveReferee(5), "dataset-1"))),
        new("FindJobDefinitions", "GET /job/definitions", c => c.FindJobDefinitionsAsync("[run-42]")),
        new("GetJobDefinitionCostEstimate", "GET /job/definition/{definitionId}/cost-estimate", c => c.GetJobDefinitionCostEstimateAsync("definition-1")),
        new("CreateJob", "POST /job", c => c.CreateJobAsync("definition-1", "global", "flux vs sd3 [run-42]")),
        new("CreateJob.Unnamed", "POST /job", c => c.CreateJobAsync("definition-1", "audience-1")),
        new("GetJob", "GET /job/{jobId}", c => c.GetJobAsync("job-1")),
        new("FindJobs", "GET /jobs", c => c.FindJobsAsync("run-42 [retry] & co")),
        new("GetJobProgress", "GET /job/{jobId}/progress", c => c.GetJobProgressAsync("job-1")),
        new("DownloadJobResults", "GET /job/{jobId}/download-results", async c => await (await c.DownloadJobResultsAsync("job-1")).DisposeAsync()),
        new("PauseJob", "POST /job/{jobId}/pause", c => c.PauseJobAsync("job-1")),
        new("ResumeJob", "POST /job/{jobId}/resume", c => c.ResumeJobAsync("job-1")),
        new("RetryJob", "POST /job/{jobId}/retry", c => c.RetryJobAsync("job-1")),
        new("DeleteJob", "DELETE /job/{jobId}", c => c.DeleteJobAsync("job-1")),
        new("GetAudience", "GET /audience/{audienceId}", c => c.GetAudienceAsync("global")),
        new("CreateAudience", "POST /audience", c => c.CreateAudienceAsync("prompt experts [run-42]",
            [JsonNode.Parse("""{"_t":"CountryFilter","countries":["DE","US"]}""")!.AsObject()], targetAccuracy: 0.8, minTasks: 5)),
        new("CreateAudience.Minimal", "POST /audience", c => c.CreateAudienceAsync("everyone [run-42]")),
        new("FindAudienceIds", "GET /audiences", c => c.FindAudienceIdsAsync("prompt experts [run-42]")),
        new("AddCompareAudienceExample", "POST /audience/{audienceId}/example", c => c.AddCompareAudienceExampleAsync("audience-1",
            new CompareAudienceExample("asset-a.png", "asset-b.png", "Which image fits the description better?", "asset-b.png", 0,
                Context: "a red bicycle"))),
        new("ListAudienceExamples", "GET /audience/{audienceId}/examples", async c =>
        {
            await foreach (var _ in c.ListAudienceExamplesAsync("audience-1")) { }
        }),
        new("RecruitAudience", "POST /audience/{audienceId}/recruit", c => c.RecruitAudienceAsync("audience-1")),
        new("GetPreliminaryDownload", "GET /pipeline/preliminary-download/{preliminaryDownloadId}",
            async c => await ((await c.GetPreliminaryDownloadAsync("download-1"))?.DisposeAsync() ?? ValueTask.CompletedTask)),
    ];

    public static IEnumerable<object[]> Names => All.Select(call => new object[] { call.Name });

    public static Call Named(string name) => All.Single(call => call.Name == name);

    /// <summary>An order using every optional field: filters and selections as a user's order.json would carry them.</summary>
    private static CompareOrderRequest FullOrder(Referee referee) => new(
        "run-42 prompt alignment",
        "Which image fits the description better?",
        referee,
        IndexIdentifiers: ["sdxl", "flux"],
        ValidationSetId: "vs-1",
        UserFilters:
        [
            JsonNode.Parse("""{"_t":"CountryFilter","countries":["DE","US"]}""")!.AsObject(),
            JsonNode.Parse("""{"_t":"AndFilter","filters":[{"_t":"AgeFilter","ageGroups":["18-29","30-39"]},{"_t":"NotFilter","filter":{"_t":"GenderFilter","genders":["Other"]}}]}""")!.AsObject(),
            JsonNode.Parse("""{"_t":"UserScoreFilter","lowerbound":0.3,"upperbound":1.0}""")!.AsObject(),
        ],
        RapidFeatureFlags: [new FeatureFlag("compare_unsure", "1000"), new FeatureFlag("no_shuffle", "true")],
        Selections:
        [
            JsonNode.Parse("""{"_t":"CappedSelection","maxRapids":5,"selections":[{"_t":"ValidationSelection","validationSetId":"vs-1","amount":1},{"_t":"LabelingSelection","amount":2}]}""")!.AsObject(),
        ]);
}

using System.Text.RegularExpressions;

namespace PreferenceFunctions.Rapidata.Tests.Fakes;

/// <summary>
/// A successful answer for every endpoint the client calls, shaped as the OpenAPI documents declare
/// (ContractTests checks these against the response schemas, so the fake cannot drift from the contract).
/// </summary>
internal static partial class CannedResponses
{
    public const string OrderJson = """
        {"orderName":"run-42 prompt alignment","customerMail":"team@example.com","orderDate":"2026-11-20T10:00:00Z",
         "state":"Processing","pipelineId":"pipeline-1","isLocked":true,"isPublic":false,"failureMessage":null}
        """;

    public const string OrdersPageJson = """
        {"total":1,"page":1,"pageSize":10,"totalPages":1,"items":[
          {"id":"order-1","pipelineId":"pipeline-1","orderDate":"2026-11-20T10:00:00Z","customerMail":"team@example.com",
           "state":"Completed","orderName":"run-42 prompt alignment","isPublic":false,"failureMessage":null}]}
        """;

    public const string ValidationSetJson = """
        {"id":"vs-1","name":"compare truths","isPublic":false,"ownerMail":"team@example.com","organizationId":"org-1",
         "ownerId":"7d4f0c1e-2b7a-4c55-9a51-0d6b7f0e8a11","dimensions":["global"],"createdAt":"2026-11-01T08:00:00Z"}
        """;

    public static readonly byte[] ResultsDocument = System.Text.Encoding.UTF8.GetBytes("""
        {"info":{"version":"4.1.0","type":"Compare"},"results":[{"context":"a cat","winner":"a.png","winnerIndex":0,
         "aggregatedResults":{"a.png":2,"b.png":1}}],"summary":{"A_wins_total":1,"B_wins_total":0}}
        """);

    public const string DatapointsPageJson = """
        {"total":1,"page":1,"pageSize":500,"totalPages":1,"items":[
          {"id":"datapoint-1","datasetId":"dataset-1","context":"a cat","asset":{"_t":"MultiAsset","identifier":"m","metadata":{},"assets":[
            {"_t":"FileAsset","fileName":"asset-a.png","identifier":"a","metadata":{}},
            {"_t":"FileAsset","fileName":"asset-b.png","identifier":"b","metadata":{}}]}}]}
        """;

    public const string PipelineJson = """
        {"featureFlags":[],"artifacts":{
          "campaign-artifact":{"_t":"CampaignArtifactModel","campaignId":"campaign-1","identifier":"campaign-artifact"},
          "workflow-artifact":{"_t":"WorkflowArtifactModel","workflowId":"workflow-1","identifier":"workflow-artifact"},
          "dataset-artifact":{"_t":"DatasetArtifactModel","datasetId":"dataset-1","identifier":"dataset-artifact"}}}
        """;

    public const string WorkflowProgressJson = """
        {"completionPercentage":37.5,"total":8,"completed":3,"state":"Labeling"}
        """;

    public const string JobJson = """
        {"jobId":"job-1","name":"flux vs sd3 [run-42]","definitionId":"definition-1","audienceId":"global","revisionNumber":1,
         "pipelineId":"pipeline-1","campaignId":null,"audienceName":"Global","state":"ManualApproval","isPublic":false,
         "audienceDeleted":false,"completedAt":null,"resultFileName":null,"failedAt":null,"failureMessage":null,
         "reviewReason":"ContentFlagged","createdAt":"2026-11-20T10:00:00Z","ownerId":"7d4f0c1e-2b7a-4c55-9a51-0d6b7f0e8a11",
         "ownerMail":"team@example.com","organizationId":"org-1"}
        """;

    public const string JobsPageJson = """
        {"total":1,"page":1,"pageSize":20,"totalPages":1,"items":[
          {"jobId":"job-1","name":"flux vs sd3 [run-42]","jobDefinitionId":"definition-1","audienceId":"global","revisionNumber":1,
           "pipelineId":"pipeline-1","state":"SpendLimited","ownerMail":"team@example.com","organizationId":"org-1",
           "createdAt":"2026-11-20T10:00:00Z","progress":0.5}]}
        """;

    public const string AudiencesPageJson = """
        {"total":1,"page":1,"pageSize":20,"totalPages":1,"items":[
          {"id":"audience-1","name":"prompt experts [run-42]","description":null,"status":"Recruiting","qualifiedUserCount":0,
           "filters":[{"_t":"CountryFilter","countries":["DE","US"]}],"logo":null,"createdAt":"2026-11-20T10:00:00Z",
           "ownerMail":"team@example.com","organizationId":"org-1","isPublic":false,"isDistilling":false,
           "graduationRule":{"_t":"TaskAccuracy","targetAccuracy":0.8,"minTasks":5}}]}
        """;

    public const string JobDefinitionsPageJson = """
        {"total":1,"page":1,"pageSize":20,"totalPages":1,"items":[
          {"definitionId":"definition-1","name":"flux vs sd3 [run-42]","definitionType":"Compare","createdAt":"2026-11-20T10:00:00Z",
           "revisionCount":1,"ownerId":"7d4f0c1e-2b7a-4c55-9a51-0d6b7f0e8a11","ownerMail":"team@example.com","organizationId":"org-1"}]}
        """;

    public const string CostEstimateJson = """
        {"estimatedCost":12.5,"costPerResponse":0.025,"datapointCount":40,"requiredResponses":600}
        """;

    public const string AudienceExamplesPageJson = """
        {"total":1,"page":1,"pageSize":100,"totalPages":1,"items":[
          {"id":"example-1","rapidId":null,"asset":{"_t":"MultiAsset","identifier":"m","metadata":{},"assets":[
            {"_t":"FileAsset","fileName":"asset-a.png","identifier":"a","metadata":{}},
            {"_t":"FileAsset","fileName":"asset-b.png","identifier":"b","metadata":{}}]},
           "payload":{"_t":"CompareExamplePayload","criteria":"Which image fits the description better?"},
           "correctCount":0,"incorrectCount":0,"truth":{"_t":"CompareExampleTruth","winnerId":"asset-b.png"},
           "context":"a red bicycle","randomCorrectProbability":0.5,"sortIndex":0,"visibility":"Private"}]}
        """;

    public const string AudienceJson = """
        {"id":"global","baseAudienceId":"global","name":"Global","status":"Ready",
         "qualifiedUserCount":120000,"filters":[],"createdAt":"2026-01-01T00:00:00Z",
         "ownerId":"7d4f0c1e-2b7a-4c55-9a51-0d6b7f0e8a11","ownerMail":"team@example.com","organizationId":"org-1",
         "isPublic":true,"isDistilling":false,"distillingCampaignId":"campaign-0",
         "graduationRule":{"_t":"TaskAccuracy","targetAccuracy":0.75,"minTasks":10},
         "distillingRetrievalMode":"Random","boostLevel":"None"}
        """;

    public static FakeResponse For(RecordedRequest request) => (request.Method, request.Path) switch
    {
        ("POST", "/dataset") => FakeResponse.Ok("""{"datasetId":"dataset-1"}"""),
        ("POST", "/datasets/shorten-context") => FakeResponse.Ok("""{"items":[{"shortenedContext":"a lighthouse in a storm"}]}"""),
        ("POST", "/job/definition") => FakeResponse.Ok("""{"definitionId":"definition-1","pipelineId":"pipeline-1"}"""),
        ("GET", "/job/definitions") => FakeResponse.Ok(JobDefinitionsPageJson),
        ("POST", "/job") => FakeResponse.Ok("""{"jobId":"job-1","recruitingStarted":true,"contentCheckSkipDenied":false,"costWarning":{"estimatedCost":12.5,"availableBalance":10,"shortfall":2.5}}"""),
        ("GET", "/jobs") => FakeResponse.Ok(JobsPageJson),
        ("GET", var path) when JobCost().IsMatch(path) => FakeResponse.Ok(CostEstimateJson),
        ("GET", var path) when JobResults().IsMatch(path) => new FakeResponse(200, Bytes: ResultsDocument, ContentType: "application/octet-stream"),
        ("GET", var path) when JobProgress().IsMatch(path) => FakeResponse.Ok(WorkflowProgressJson),
        ("GET", var path) when Job().IsMatch(path) => FakeResponse.Ok(JobJson),
        ("DELETE", var path) when Job().IsMatch(path) => FakeResponse.NoContent,
        ("POST", var path) when JobAction().IsMatch(path) => FakeResponse.NoContent,
        ("GET", var path) when Audience().IsMatch(path) => FakeResponse.Ok(AudienceJson),
        ("GET", "/audiences") => FakeResponse.Ok(AudiencesPageJson),
        ("POST", "/audience") => FakeResponse.Ok("""{"audienceId":"audience-1"}"""),
        ("POST", var path) when AudienceRecruit().IsMatch(path) => FakeResponse.NoContent,
        ("POST", var path) when AudienceExample().IsMatch(path) => FakeResponse.Ok("""{"recalculationId":"recalculation-1"}"""),
        ("GET", var path) when AudienceExamples().IsMatch(path) => FakeResponse.Ok(AudienceExamplesPageJson),
        ("POST", "/order") => FakeResponse.Ok("""{"orderId":"order-1","pipelineId":"pipeline-1","datasetId":"dataset-1","campaignId":null}"""),
        ("GET", "/orders") => FakeResponse.Ok(OrdersPageJson),
        ("POST", "/asset/url") => FakeResponse.Ok("""{"fileName":"asset-url-1.png","warnings":[],"wasCompressed":false,"originalSizeBytes":null,"finalSizeBytes":null}"""),
        ("POST", "/asset/file") => FakeResponse.Ok("""{"fileName":"asset-9f2c.png","warnings":[],"wasCompressed":false,"originalSizeBytes":8,"finalSizeBytes":8}"""),
        ("POST", "/validation-set") => FakeResponse.Ok("""{"validationSetId":"vs-1"}"""),
        ("GET", var path) when OrderResults().IsMatch(path) => new FakeResponse(200, Bytes: ResultsDocument, ContentType: "application/octet-stream"),
        ("GET", var path) when OrderResultsAsString().IsMatch(path) =>
            FakeResponse.Ok(System.Text.Json.JsonSerializer.Serialize(System.Text.Encoding.UTF8.GetString(ResultsDocument))),
        ("GET", var path) when Order().IsMatch(path) => FakeResponse.Ok(OrderJson),
        ("DELETE", var path) when Order().IsMatch(path) => FakeResponse.NoContent,
        ("POST", var path) when OrderAction().IsMatch(path) => FakeResponse.NoContent,
        ("POST", var path) when Datapoint().IsMatch(path) => FakeResponse.Ok("""{"datapointId":"datapoint-1"}"""),
        ("GET", var path) when Datapoints().IsMatch(path) => FakeResponse.Ok(DatapointsPageJson),
        ("GET", var path) when Pipeline().IsMatch(path) => FakeResponse.Ok(PipelineJson),
        ("GET", var path) when WorkflowProgress().IsMatch(path) => FakeResponse.Ok(WorkflowProgressJson),
        ("GET", var path) when ValidationSet().IsMatch(path) => FakeResponse.Ok(ValidationSetJson),
        ("POST", var path) when ValidationRapid().IsMatch(path) => FakeResponse.NoContent,
        ("POST", var path) when StartPreliminary().IsMatch(path) => FakeResponse.Ok("""{"downloadId":"download-1"}"""),
        ("GET", var path) when Preliminary().IsMatch(path) => new FakeResponse(200, Bytes: ResultsDocument),
        _ => FakeResponse.Problem(404, """{"title":"Not Found","status":404}"""),
    };

    [GeneratedRegex("^/job/definition/[^/]+/cost-estimate$")]
    private static partial Regex JobCost();

    [GeneratedRegex("^/job/[^/]+/download-results$")]
    private static partial Regex JobResults();

    [GeneratedRegex("^/job/[^/]+/progress$")]
    private static partial Regex JobProgress();

    [GeneratedRegex("^/job/[^/]+$")]
    private static partial Regex Job();

    [GeneratedRegex("^/job/[^/]+/(pause|resume|retry)$")]
    private static partial Regex JobAction();

    [GeneratedRegex("^/audience/[^/]+$")]
    private static partial Regex Audience();

    [GeneratedRegex("^/audience/[^/]+/recruit$")]
    private static partial Regex AudienceRecruit();

    [GeneratedRegex("^/audience/[^/]+/example$")]
    private static partial Regex AudienceExample();

    [GeneratedRegex("^/audience/[^/]+/examples$")]
    private static partial Regex AudienceExamples();

    [GeneratedRegex("^/order/[^/]+/download-results$")]
    private static partial Regex OrderResults();

    [GeneratedRegex("^/order/[^/]+/results$")]
    private static partial Regex OrderResultsAsString();

    [GeneratedRegex("^/order/[^/]+$")]
    private static partial Regex Order();

    [GeneratedRegex("^/order/[^/]+/(preview|submit|pause|resume|retry)$")]
    private static partial Regex OrderAction();

    [GeneratedRegex("^/dataset/[^/]+/datapoint$")]
    private static partial Regex Datapoint();

    [GeneratedRegex("^/dataset/[^/]+/datapoints$")]
    private static partial Regex Datapoints();

    [GeneratedRegex("^/pipeline/[^/]+$")]
    private static partial Regex Pipeline();

    [GeneratedRegex("^/workflow/[^/]+/progress$")]
    private static partial Regex WorkflowProgress();

    [GeneratedRegex("^/validation-set/[^/]+$")]
    private static partial Regex ValidationSet();

    [GeneratedRegex("^/validation-set/[^/]+/rapid$")]
    private static partial Regex ValidationRapid();

    [GeneratedRegex("^/pipeline/[^/]+/preliminary-download$")]
    private static partial Regex StartPreliminary();

    [GeneratedRegex("^/pipeline/preliminary-download/[^/]+$")]
    private static partial Regex Preliminary();
}

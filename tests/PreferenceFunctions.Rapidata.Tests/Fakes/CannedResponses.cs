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

    public static FakeResponse For(RecordedRequest request) => (request.Method, request.Path) switch
    {
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

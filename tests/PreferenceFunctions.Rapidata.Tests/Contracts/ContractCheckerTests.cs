using System.Text;
using PreferenceFunctions.Rapidata.Tests.Fakes;

namespace PreferenceFunctions.Rapidata.Tests.Contracts;

/// <summary>The contract checker rejects wrong requests, so <see cref="ContractTests"/> cannot pass vacuously.</summary>
public sealed class ContractCheckerTests
{
    private const string ValidOrder = """
        {"orderName":"run-1","workflow":{"_t":"SimpleWorkflow","blueprint":{"_t":"CompareBlueprint","criteria":"Which?"}},
         "referee":{"_t":"NaiveReferee","totalVotes":5},"userFilters":[]}
        """;

    [Fact]
    public async Task Check_ValidOrder_HasNoViolations() =>
        Assert.Empty(await CheckAsync("POST", "/order", ValidOrder));

    [Theory]
    [InlineData("wrong workflow _t", "\"_t\":\"SimpleWorkflow\"", "\"_t\":\"SimpleWorkflowInput\"")]
    [InlineData("wrong blueprint _t", "\"_t\":\"CompareBlueprint\"", "\"_t\":\"CompareRapidBlueprint\"")]
    [InlineData("missing orderName", "\"orderName\":\"run-1\",", "")]
    [InlineData("misspelt optional field", "\"userFilters\":[]", "\"userFilter\":[]")]
    [InlineData("referee field of another variant", "\"totalVotes\":5", "\"maxVotes\":5")]
    [InlineData("unknown filter _t", "\"userFilters\":[]", "\"userFilters\":[{\"_t\":\"CountryUserFilter\",\"countries\":[\"DE\"]}]")]
    [InlineData("quorum threshold not an integer", "{\"_t\":\"NaiveReferee\",\"totalVotes\":5}", "{\"_t\":\"QuorumReferee\",\"maxVotes\":10,\"threshold\":0.7}")]
    [InlineData("votes as text", "\"totalVotes\":5", "\"totalVotes\":\"5\"")]
    [InlineData("misspelt field inside the blueprint", "\"criteria\":\"Which?\"", "\"criteria\":\"Which?\",\"indexIdentifier\":[\"a\",\"b\"]")]
    [InlineData("feature flag without value", "\"userFilters\":[]", "\"userFilters\":[],\"rapidFeatureFlags\":[{\"key\":\"no_shuffle\"}]")]
    public async Task Check_WrongOrderBody_IsRejected(string why, string from, string to)
    {
        var body = ValidOrder.Replace(from, to);
        Assert.NotEqual(ValidOrder, body);

        Assert.True((await CheckAsync("POST", "/order", body)).Count > 0, why);
    }

    [Fact]
    public async Task Check_NullForNullableField_IsAccepted() =>
        Assert.Empty(await CheckAsync("POST", "/dataset/d1/datapoint",
            """{"asset":{"_t":"MultiAssetInput","assets":[{"_t":"ExistingAssetInput","name":"a"}]},"context":null,"sortIndex":null}"""));

    [Theory]
    [InlineData("""{"asset":{"_t":"MultiAssetInput","assets":[{"_t":"ExistingAssetInput"}]}}""")]
    [InlineData("""{"asset":{"_t":"MultiAssetInput","assets":[{"_t":"ExistingAssetInput","name":"a"}]},"contextAsset":null}""")]
    [InlineData("""{"asset":{"_t":"ExistingAsset","name":"a"}}""")]
    [InlineData("""{"context":"no asset"}""")]
    public async Task Check_WrongDatapointBody_IsRejected(string body) =>
        Assert.NotEmpty(await CheckAsync("POST", "/dataset/d1/datapoint", body));

    [Theory]
    [InlineData("POST", "/orders/o1")]
    [InlineData("PUT", "/order")]
    [InlineData("POST", "/order/o1/start")]
    public async Task Check_UnknownOperation_IsRejected(string method, string path) =>
        Assert.Contains("No operation", Assert.Single(await CheckAsync(method, path, "")));

    [Theory]
    [InlineData("page=1&order_name%5Bcontains%5D=x")]
    [InlineData("sort=-order_date")]
    public async Task Check_DeclaredQuery_IsAccepted(string query) =>
        Assert.Empty(await CheckAsync("GET", "/orders", "", query: query));

    [Theory]
    [InlineData("name=x")]
    [InlineData("order_name%5Bbeginswith%5D=x")]
    [InlineData("page=first")]
    [InlineData("sort=newest")]
    public async Task Check_UndeclaredQuery_IsRejected(string query) =>
        Assert.NotEmpty(await CheckAsync("GET", "/orders", "", query: query));

    [Fact]
    public async Task Check_MultipartWithoutFilePart_IsRejected()
    {
        using var form = new MultipartFormDataContent("boundary-1") { { new StringContent("x"), "upload", "a.png" } };
        var body = await form.ReadAsByteArrayAsync();

        var violations = await CheckAsync("POST", "/asset/file", Encoding.UTF8.GetString(body), form.Headers.ContentType!.ToString());

        Assert.Contains(violations, v => v.Contains("required multipart field 'file' is missing"));
    }

    [Fact]
    public async Task Check_BodyForBodylessOperation_IsRejected() =>
        Assert.NotEmpty(await CheckAsync("POST", "/order/o1/pause", "{}"));

    private static Task<IReadOnlyList<string>> CheckAsync(string method, string path, string body,
        string contentType = "application/json; charset=utf-8", string query = "") =>
        RequestContractChecker.CheckAsync(OpenApiContract.Rapidata, new RecordedRequest(method, path, query,
            new Dictionary<string, string>(), body.Length == 0 ? null : contentType, Encoding.UTF8.GetBytes(body)));
}

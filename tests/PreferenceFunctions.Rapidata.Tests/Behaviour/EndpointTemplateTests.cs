using PreferenceFunctions.Rapidata.Telemetry;

namespace PreferenceFunctions.Rapidata.Tests.Behaviour;

/// <summary>Span and metric tags name an endpoint without ids or query strings (low cardinality, no tokens or names).</summary>
public sealed class EndpointTemplateTests
{
    [Theory]
    [InlineData("https://api.rapidata.ai/order/66f1c2a9e4b0a1b2c3d4e5f6/download-results", "order/{id}/download-results")]
    [InlineData("https://api.rapidata.ai/orders?page=1&order_name%5Bcontains%5D=secret-name", "orders")]
    [InlineData("https://api.rapidata.ai/job/3fa85f64-5717-4562-b3fc-2c963f66afa6/progress", "job/{id}/progress")]
    [InlineData("https://auth.rapidata.ai/connect/token", "connect/token")]
    [InlineData("asset/file", "asset/file")]
    public void Template_Uri_IdsReplacedAndQueryDropped(string uri, string expected) =>
        Assert.Equal(expected, RapidataEndpoints.Template(new Uri(uri, UriKind.RelativeOrAbsolute)));
}

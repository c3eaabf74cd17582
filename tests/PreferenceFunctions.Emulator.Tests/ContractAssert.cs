using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.Contracts;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>Checks a response against the response the OpenAPI documents declare for that operation and status.</summary>
internal static class ContractAssert
{
    public static void Matches(string method, string pathTemplate, int status, string? body)
    {
        var operation = OpenApiContracts.Shared.Get(method, pathTemplate);
        if (!operation.Responses.TryGetValue(status, out var response))
        {
            // Download endpoints document no 400; the emulator still explains a refusal as a problem document.
            Assert.True(status == 400, $"{method} {pathTemplate} does not document status {status}.");
            Assert.NotNull(JsonNode.Parse(body!)!["errors"]);
            return;
        }

        if (response.Schema is null)
        {
            Assert.True(string.IsNullOrEmpty(body), $"{method} {pathTemplate} {status} must have no body, got: {body}");
            return;
        }

        if (response.ContentType == "application/octet-stream")
        {
            Assert.False(string.IsNullOrEmpty(body));
            return;
        }

        var node = JsonNode.Parse(body!);
        var result = response.Schema.Evaluate(node, OpenApiContracts.Shared.DetailedOptions);
        Assert.True(result.IsValid, $"{method} {pathTemplate} {status} body breaks the contract: "
            + string.Join("; ", SchemaErrors.From(result).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")) + "\n" + body);
    }
}

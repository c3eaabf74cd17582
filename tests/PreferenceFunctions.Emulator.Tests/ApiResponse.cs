using System.Net;
using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>A response the test client received: status, headers, body text and its JSON (when it has one).</summary>
internal sealed record ApiResponse(HttpStatusCode Status, HttpResponseMessage Message, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The response body is empty.");

    /// <summary>The `errors` map of a 400 ValidationProblemDetails.</summary>
    public JsonObject Errors => Json["errors"]!.AsObject();
}

using System.Text.Json;
using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.Admin;

namespace PreferenceFunctions.Emulator.Contracts;

/// <summary>Validates JSON request bodies against the OpenAPI request schema of the matched route, before any handler runs.</summary>
/// <remarks>The route templates equal the OpenAPI path keys, so the operation is found from the endpoint alone.</remarks>
internal sealed class ContractValidationMiddleware(RequestDelegate next, OpenApiContracts contracts)
{
    private const string BodyKey = "emulator.body";

    /// <summary>The validated request body (null when the request had none).</summary>
    public static JsonNode? Body(HttpContext context) => context.Items[BodyKey] as JsonNode;

    public async Task InvokeAsync(HttpContext context)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<ContractOperation>();
        if (operation?.JsonRequestSchema is null)
        {
            await next(context);
            return;
        }

        var bytes = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (bytes.Length > 0)
        {
            RequestLogMiddleware.SetBody(context, System.Text.Encoding.UTF8.GetString(bytes));
        }

        JsonNode? body;
        try
        {
            body = bytes.Length == 0 ? null : JsonNode.Parse(bytes);
        }
        catch (JsonException exception)
        {
            await Problems.Validation("$", $"The request body is not valid JSON: {exception.Message}").ExecuteAsync(context);
            return;
        }

        if (body is null && operation.RequestBodyRequired)
        {
            await Problems.Validation("$", "A JSON request body is required.").ExecuteAsync(context);
            return;
        }

        // The compiled fast check settles almost every valid request; JsonSchema.Net decides the rest and names the fields.
        if (body is not null && operation.FastRequestSchema?.IsCertainlyValid(body) != true
            && !operation.JsonRequestSchema.Evaluate(body, contracts.QuickOptions).IsValid)
        {
            var errors = SchemaErrors.From(operation.JsonRequestSchema.Evaluate(body, contracts.DetailedOptions));
            await Problems.Validation(errors).ExecuteAsync(context);
            return;
        }

        context.Items[BodyKey] = body;
        await next(context);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and < 1 << 20 ? (int)request.ContentLength : 1024);
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

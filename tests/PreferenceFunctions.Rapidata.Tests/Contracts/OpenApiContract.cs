using System.Text.Json.Nodes;
using Json.Schema;
using PreferenceFunctions.Testing;

namespace PreferenceFunctions.Rapidata.Tests.Contracts;

/// <summary>
/// Rapidata's OpenAPI documents (contracts/rapidata/*.json, read from the repository at test time) as a checker:
/// does an operation exist for a method and path, and does a JSON value satisfy one of its schemas.
/// </summary>
internal sealed class OpenApiContract
{
    private static readonly Lazy<OpenApiContract> Shared = new(() => Load(Path.Combine(Azurite.RepositoryRoot(), "contracts", "rapidata")));

    private readonly List<(string Name, Uri Id, JsonObject Document)> _documents = [];
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List };

    public static OpenApiContract Rapidata => Shared.Value;

    public static OpenApiContract Load(string folder)
    {
        var contract = new OpenApiContract();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order())
        {
            var name = Path.GetFileName(file);
            var id = new Uri($"https://contracts.preferencefunctions.test/rapidata/{name}");
            var document = (JsonObject)JsonNode.Parse(File.ReadAllText(file))!;
            contract._documents.Add((name, id, document));
            contract._options.SchemaRegistry.Register(JsonSchema.FromText(OpenApiSchemaConverter.ConvertDocument(document, id).ToJsonString()));
        }
        if (contract._documents.Count == 0) throw new InvalidOperationException($"No OpenAPI documents in {folder}.");
        return contract;
    }

    /// <summary>The operation for a concrete path (e.g. <c>/order/abc/submit</c>), or null when no document has it.</summary>
    public OpenApiOperation? Find(string method, string path)
    {
        var candidates =
            from document in _documents
            from pathItem in ((JsonObject)document.Document["paths"]!)
            let literals = OpenApiOperation.Match(pathItem.Key, path)
            where literals is not null && pathItem.Value![method.ToLowerInvariant()] is JsonObject
            orderby literals descending
            select new OpenApiOperation(document.Name, document.Id, method.ToUpperInvariant(), pathItem.Key,
                (JsonObject)pathItem.Value![method.ToLowerInvariant()]!);
        return candidates.FirstOrDefault();
    }

    /// <summary>Violations of <paramref name="schema"/> (an OpenAPI schema of <paramref name="operation"/>'s document) by <paramref name="value"/>.</summary>
    public IReadOnlyList<string> Validate(OpenApiOperation operation, JsonObject schema, JsonNode? value)
    {
        var converted = (JsonObject)OpenApiSchemaConverter.Convert(schema, operation.DocumentId);
        converted["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        var results = JsonSchema.FromText(converted.ToJsonString()).Evaluate(value, _options);
        if (results.IsValid) return [];
        var errors = results.Details.Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["the value does not match the schema"];
    }

    /// <summary>Violations of the JSON request body schema of <paramref name="operation"/>.</summary>
    public IReadOnlyList<string> ValidateJsonBody(OpenApiOperation operation, JsonNode? body)
    {
        var schema = operation.RequestBody?["content"]?["application/json"]?["schema"] as JsonObject;
        return schema is null
            ? [$"{operation.Method} {operation.PathTemplate} takes no application/json body"]
            : Validate(operation, schema, body);
    }

    /// <summary>Violations of the response schema for <paramref name="status"/>.</summary>
    public IReadOnlyList<string> ValidateResponse(OpenApiOperation operation, int status, string mediaType, JsonNode? body)
    {
        if (!operation.DeclaresResponse(status)) return [$"{operation.Method} {operation.PathTemplate} declares no {status} response"];
        var schema = operation.ResponseSchema(status, mediaType);
        return schema is null ? [$"{operation.Method} {operation.PathTemplate} {status} has no {mediaType} body"] : Validate(operation, schema, body);
    }
}

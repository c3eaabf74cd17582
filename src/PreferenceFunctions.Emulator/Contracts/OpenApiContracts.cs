using System.Text.Json.Nodes;
using Json.Schema;

namespace PreferenceFunctions.Emulator.Contracts;

/// <summary>Rapidata's OpenAPI documents, embedded in the assembly, compiled once per process into JSON schemas.</summary>
internal sealed class OpenApiContracts
{
    private const string BaseUri = "https://rapidata-emulator.local/contracts/";
    private static readonly string[] DocumentNames = ["asset", "audience", "dataset", "order", "pipeline", "validation", "workflow"];
    private static readonly Lazy<OpenApiContracts> SharedInstance = new(Load);

    private readonly Dictionary<string, ContractOperation> operations;

    private OpenApiContracts(Dictionary<string, ContractOperation> operations, EvaluationOptions quick, EvaluationOptions detailed)
    {
        this.operations = operations;
        QuickOptions = quick;
        DetailedOptions = detailed;
    }

    /// <summary>The process-wide instance (schemas are immutable and costly to build).</summary>
    public static OpenApiContracts Shared => SharedInstance.Value;

    /// <summary>Pass/fail evaluation: cheap, used on every request.</summary>
    public EvaluationOptions QuickOptions { get; }

    /// <summary>Evaluation that lists every error, used only once a request has failed.</summary>
    public EvaluationOptions DetailedOptions { get; }

    public IEnumerable<ContractOperation> Operations => operations.Values;

    public ContractOperation? Find(string method, string pathTemplate) =>
        operations.GetValueOrDefault(Key(method, pathTemplate));

    public ContractOperation Get(string method, string pathTemplate) =>
        Find(method, pathTemplate) ?? throw new KeyNotFoundException($"The OpenAPI documents have no operation {Key(method, pathTemplate)}.");

    private static string Key(string method, string path) => $"{method.ToUpperInvariant()} {path}";

    private static OpenApiContracts Load()
    {
        var quick = new EvaluationOptions { OutputFormat = OutputFormat.Flag };
        var detailed = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical };
        var operations = new Dictionary<string, ContractOperation>();
        var counter = 0;
        foreach (var name in DocumentNames)
        {
            var document = ReadDocument(name);
            var documentUri = BaseUri + name;
            var definitions = new JsonObject();
            var fast = new Dictionary<string, FastSchema>();
            foreach (var (schemaName, schema) in (JsonObject)document["components"]!["schemas"]!)
            {
                definitions[schemaName] = OpenApiSchemaConverter.Convert(schema!, "#/$defs/");
                fast[schemaName] = FastSchema.Compile(schema!, n => fast[n]);
            }

            var root = JsonSchema.FromText(new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = documentUri,
                ["$defs"] = definitions,
            }.ToJsonString());
            quick.SchemaRegistry.Register(root);
            detailed.SchemaRegistry.Register(root);

            JsonSchema Compile(JsonNode schema) => JsonSchema.FromText(new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = $"{documentUri}/operations/{++counter}",
                ["allOf"] = new JsonArray(OpenApiSchemaConverter.Convert(schema, documentUri + "#/$defs/")),
            }.ToJsonString());

            foreach (var (path, pathItem) in (JsonObject)document["paths"]!)
            {
                foreach (var (method, operation) in (JsonObject)pathItem!)
                {
                    var body = operation!["requestBody"];
                    var jsonSchema = body?["content"]?["application/json"]?["schema"];
                    var responses = new Dictionary<int, ContractResponse>();
                    foreach (var (status, response) in (JsonObject)operation["responses"]!)
                    {
                        var content = response!["content"] as JsonObject;
                        var first = content?.FirstOrDefault();
                        var schema = first?.Value?["schema"];
                        responses[int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)] =
                            new ContractResponse(first?.Key, schema is null ? null : Compile(schema));
                    }

                    operations[Key(method, path)] = new ContractOperation(
                        method.ToUpperInvariant(),
                        path,
                        jsonSchema is null ? null : Compile(jsonSchema),
                        jsonSchema is null ? null : FastSchema.Compile(jsonSchema, n => fast[n]),
                        body?["required"]?.GetValue<bool>() == true,
                        responses);
                }
            }
        }

        return new OpenApiContracts(operations, quick, detailed);
    }

    private static JsonNode ReadDocument(string name)
    {
        var resource = $"contracts/{name}.openapi.json";
        using var stream = typeof(OpenApiContracts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded OpenAPI document {resource} is missing.");
        return JsonNode.Parse(stream)!;
    }
}

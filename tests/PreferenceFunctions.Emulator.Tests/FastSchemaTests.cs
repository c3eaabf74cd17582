using System.Text.Json.Nodes;
using PreferenceFunctions.Emulator.Contracts;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>The compiled fast check may only say "valid" where JsonSchema.Net agrees, and must say it for what clients send.</summary>
public sealed class FastSchemaTests
{
    public static TheoryData<string, string, string> ValidBodies() => new()
    {
        { "POST", "/order", CompareOrders.CreateOrderBody("o").ToJsonString() },
        { "POST", "/order", CompareOrders.CreateOrderBody("o", new JsonObject { ["_t"] = "QuorumReferee", ["maxVotes"] = 10, ["threshold"] = 7 }, allowUnsure: true).ToJsonString() },
        { "POST", "/dataset/{datasetId}/datapoint", CompareOrders.DatapointBody("a.png", "b.png", 3, "ctx", new JsonObject { ["k"] = "v" }).ToJsonString() },
        { "POST", "/order/{orderId}/submit", "{\"ignoreFailedDatapoints\":true}" },
        { "POST", "/validation-set", "{\"name\":\"v\"}" },
        {
            "POST", "/validation-set/{validationSetId}/rapid",
            "{\"asset\":{\"_t\":\"MultiAssetInput\",\"assets\":[{\"_t\":\"ExistingAssetInput\",\"name\":\"a\"},{\"_t\":\"ExistingAssetInput\",\"name\":\"b\"}]},"
            + "\"payload\":{\"_t\":\"ComparePayload\",\"criteria\":\"c\"},\"truth\":{\"_t\":\"CompareTruth\",\"winnerId\":\"a\"},\"randomCorrectProbability\":0.5}"
        },
    };

    [Theory]
    [MemberData(nameof(ValidBodies))]
    public void FastSchema_BodiesClientsSend_AcceptedLikeJsonSchemaNet(string method, string path, string json)
    {
        var operation = OpenApiContracts.Shared.Get(method, path);
        var body = JsonNode.Parse(json);

        Assert.True(operation.JsonRequestSchema!.Evaluate(body, OpenApiContracts.Shared.QuickOptions).IsValid);
        Assert.True(operation.FastRequestSchema!.IsCertainlyValid(body));
    }

    [Theory]
    [MemberData(nameof(ValidBodies))]
    public void FastSchema_EveryMutation_NeverAcceptsWhatJsonSchemaNetRejects(string method, string path, string json)
    {
        var operation = OpenApiContracts.Shared.Get(method, path);
        var rejectedByLibrary = 0;
        foreach (var mutant in Mutations(JsonNode.Parse(json)!))
        {
            var libraryValid = operation.JsonRequestSchema!.Evaluate(mutant, OpenApiContracts.Shared.QuickOptions).IsValid;
            rejectedByLibrary += libraryValid ? 0 : 1;
            Assert.False(!libraryValid && operation.FastRequestSchema!.IsCertainlyValid(mutant), $"fast check accepted an invalid body: {mutant?.ToJsonString()}");
        }

        Assert.True(rejectedByLibrary > 0);
    }

    // Every way of breaking one value: drop it, null it, or swap its type.
    private static IEnumerable<JsonNode?> Mutations(JsonNode root)
    {
        var paths = new List<Func<JsonNode, JsonNode?>>();
        Collect(root, n => n, paths);
        foreach (var locate in paths)
        {
            foreach (var replacement in new JsonNode?[] { null, JsonValue.Create(42), JsonValue.Create(4.5), JsonValue.Create("text"), JsonValue.Create(true), new JsonObject(), new JsonArray(), JsonValue.Create("Unknown") })
            {
                var copy = root.DeepClone();
                var target = locate(copy);
                if (target?.Parent is JsonObject parent)
                {
                    parent[target.GetPropertyName()] = replacement?.DeepClone();
                    yield return copy;
                    copy = root.DeepClone();
                    target = locate(copy);
                    ((JsonObject)target!.Parent!).Remove(target.GetPropertyName());
                    yield return copy;
                }
                else if (target?.Parent is JsonArray array)
                {
                    array[target.GetElementIndex()] = replacement?.DeepClone();
                    yield return copy;
                }
            }
        }
    }

    private static void Collect(JsonNode? node, Func<JsonNode, JsonNode?> locate, List<Func<JsonNode, JsonNode?>> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Func<JsonNode, JsonNode?> childLocate = r => locate(r)?[name];
                    if (child is not null)
                    {
                        paths.Add(childLocate);
                    }

                    Collect(child, childLocate, paths);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    Func<JsonNode, JsonNode?> childLocate = r => locate(r)?[index];
                    paths.Add(childLocate);
                    Collect(array[i], childLocate, paths);
                }

                break;
        }
    }
}

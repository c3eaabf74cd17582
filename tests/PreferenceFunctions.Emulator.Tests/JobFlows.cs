using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.Tests;

/// <summary>The job flow over raw HTTP: dataset, datapoints, job definition, job (rapidata-api.md, successor API).</summary>
internal static class JobFlows
{
    public static JsonObject DefinitionBody(string name, string datasetId, int votes = 15) => new()
    {
        ["definitionName"] = name,
        ["workflow"] = new JsonObject
        {
            ["_t"] = "SimpleWorkflow",
            ["blueprint"] = new JsonObject { ["_t"] = "CompareBlueprint", ["criteria"] = "Which image fits the prompt better?" },
        },
        ["referee"] = new JsonObject { ["_t"] = "NaiveReferee", ["totalVotes"] = votes },
        ["datasetId"] = datasetId,
        ["rapidFeatureFlags"] = new JsonArray(),
    };

    /// <summary>Creates a dataset with <paramref name="pairs"/> datapoints, a definition over it and a job for the global audience.</summary>
    public static async Task<(string JobId, string DefinitionId, string DatasetId)> StartAsync(ApiClient api, string name, int pairs, int votes = 15)
    {
        var datasetId = (await api.OkAsync("POST", "/dataset", "/dataset", new JsonObject { ["name"] = name }))["datasetId"]!.GetValue<string>();
        await CompareOrders.AddPairsAsync(api, datasetId, CompareOrders.Pairs(pairs));
        var definition = await api.OkAsync("POST", "/job/definition", "/job/definition", DefinitionBody(name, datasetId, votes));
        var definitionId = definition["definitionId"]!.GetValue<string>();
        var job = await api.OkAsync("POST", "/job", "/job",
            new JsonObject { ["jobDefinitionId"] = definitionId, ["audienceId"] = "global", ["name"] = name });
        return (job["jobId"]!.GetValue<string>(), definitionId, datasetId);
    }

    public static async Task<string> StateAsync(ApiClient api, string jobId) =>
        (await api.OkAsync("GET", "/job/{jobId}", $"/job/{jobId}"))["state"]!.GetValue<string>();

    public static Task CommandAsync(ApiClient api, string jobId, string command) =>
        api.NoContentAsync("POST", $"/job/{{jobId}}/{command}", $"/job/{jobId}/{command}");
}

using System.Net;
using PreferenceFunctions.Api;
using PreferenceFunctions.Pipeline.Steps.Stage.Listing;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Local.Client;

/// <summary>A client of the HTTP API (of <c>serve</c>, of the demo's in-process host, or of the Functions app).</summary>
public sealed class LocalApiClient(HttpClient http)
{
    /// <summary>The run, or null while it does not exist (yet).</summary>
    public async Task<RunView?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<RunView>(ApiJson.Options, cancellationToken);
    }

    public async Task<RunResultsView> GetResultsAsync(string runId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}/results", cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<RunResultsView>(ApiJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"The results of run {runId} came back empty.");
    }

    /// <summary>The results as the API renders them: <paramref name="format"/> json or csv, <paramref name="table"/> matchups or models.</summary>
    public async Task<string> GetResultsTextAsync(string runId, string format, string table = "matchups",
        CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(
            $"api/runs/{Uri.EscapeDataString(runId)}/results?format={Uri.EscapeDataString(format)}&table={Uri.EscapeDataString(table)}",
            cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>The run's validation report (GET /api/runs/{runId}/validation), or null when it has none.</summary>
    public async Task<ValidationReport?> GetValidationAsync(string runId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(ValidationPath(runId), cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict) return null;
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<ValidationReport>(DatasetJson.Options, cancellationToken);
    }

    /// <summary>Where every problem of a run can be read as text.</summary>
    public Uri ValidationTextUri(string runId) => new(http.BaseAddress!, $"{ValidationPath(runId)}?format=text");

    private static string ValidationPath(string runId) => $"api/runs/{Uri.EscapeDataString(runId)}/validation";

    /// <summary>The run's HTML report, or null when the run has none.</summary>
    public async Task<string?> GetReportAsync(string runId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"api/runs/{Uri.EscapeDataString(runId)}/report", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict) return null;
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>POST /api/runs/{runId}/{action} (cancel, resume, reaggregate): the API's JSON answer.</summary>
    public async Task<string> PostRunActionAsync(string runId, string action, string query = "", CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync($"api/runs/{Uri.EscapeDataString(runId)}/{action}{query}", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>
    /// A leaderboard route as the API renders it: <c>api/leaderboards/{name}</c> plus <paramref name="rest"/>
    /// (e.g. <c>?format=csv</c>, <c>/suggest?votes=500</c>); DELETE when <paramref name="delete"/>.
    /// </summary>
    public async Task<string> LeaderboardTextAsync(string name, string rest = "", bool delete = false, CancellationToken cancellationToken = default)
    {
        var uri = $"api/leaderboards/{Uri.EscapeDataString(name)}{rest}";
        using var response = delete ? await http.DeleteAsync(uri, cancellationToken) : await http.GetAsync(uri, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}",
            null, response.StatusCode);
    }
}

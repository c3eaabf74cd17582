using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Rapidata.Results;
using PreferenceFunctions.Tests.Functions;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>Every vote of a run kept in votes.parquet, served by the results API, and broken down in the report.</summary>
public sealed class VotesExportRunTests
{
    [Fact]
    public async Task Run_OnTheEmulator_WritesEveryVoteOfResultsJsonToVotesParquetServesItAndBreaksItDownInTheReport()
    {
        await using var harness = await RunHarness.StartAsync(flow: null);
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "votes");

        var start = await harness.StartRunAsync("votes", etag);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Completed);

        CompareResultsDocument document;
        await using (var results = await harness.Runs.GetBlobClient(RunBlobs.Results(start.RunId)).OpenReadAsync())
            document = await CompareResultsDocument.ParseAsync(results);
        var expected = document.Results.SelectMany(e => e.DetailedResults.Select(v => Expected(e, v))).ToList();
        var rows = await ReadVotesAsync(await harness.Runs.GetBlobClient(RunBlobs.Votes(start.RunId)).DownloadContentAsync());
        Assert.Equal(40 * 15, expected.Count);
        Assert.Equal(expected, rows.Select(Actual));
        Assert.All(rows, r => Assert.Equal(start.RunId, r.RunId));
        Assert.Contains(rows, r => r.Age is not null && r.Gender is not null && r.Occupation is not null); // the crowd has demographics
        Assert.All(rows.Where(r => r.PickedAnImage), r => Assert.Equal(r.VotedFor == r.ImageA ? r.ModelA : r.ModelB, r.VotedModel));

        var request = HttpCall.Request(harness.Services, "GET", query: "?format=parquet");
        var result = await RunsHttpFunctionsTests.Functions(harness).Results(request, start.RunId);
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        var response = request.HttpContext.Response;
        Assert.Equal((200, "application/vnd.apache.parquet"), (response.StatusCode, response.ContentType));
        Assert.Equal($"attachment; filename=\"{start.RunId}-votes.parquet\"", response.Headers.ContentDisposition.ToString());
        var served = await ReadVotesAsync(BinaryData.FromBytes(((MemoryStream)response.Body).ToArray()));
        Assert.Equal(expected, served.Select(Actual));

        var html = (await harness.Runs.GetBlobClient(RunBlobs.Report(start.RunId)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("<section id=\"breakdown\">", html);
        Assert.Contains("<th>US</th>", html);   // the crowd's largest country: 80-odd votes
        Assert.DoesNotContain("<th>IT</th>", html);   // one of its smallest: under 30
        Assert.Contains("under 30 votes for every model", html);
    }

    [Fact]
    public async Task Results_VotesTableAsCsv_400NamingTheTable()
    {
        await using var harness = await RunHarness.StartAsync();
        var etag = await harness.UploadDatasetAsync(RunHarness.SamplePath, "votes-csv");
        var start = await harness.StartRunAsync("votes-csv", etag);
        RunHarness.AssertOutcome(await harness.WaitAsync(start.RunId), RunPhase.Completed);

        var request = HttpCall.Request(harness.Services, "GET", query: "?format=csv&table=votes");
        var (status, _, body) = await HttpCall.ExecuteAsync(request, await RunsHttpFunctionsTests.Functions(harness).Results(request, start.RunId));

        Assert.Equal(400, status);
        Assert.Contains("format=parquet", body, StringComparison.Ordinal);
    }

    private static async Task<List<VoteRow>> ReadVotesAsync(BinaryData parquet)
    {
        using var stream = new MemoryStream(parquet.ToArray());
        return await VotesParquet.ReadAsync(stream).ToListAsync();
    }

    private static async Task<List<VoteRow>> ReadVotesAsync(Azure.Response<Azure.Storage.Blobs.Models.BlobDownloadResult> blob) =>
        await ReadVotesAsync(blob.Value.Content);

    private static string Expected(CompareResultEntry entry, CompareVote vote)
    {
        var d = vote.UserDetails;
        return Describe(entry.PrivateMetadata["matchupId"], vote.VotedFor, d.Country, d.Language, d.Demographics.GetValueOrDefault("age"),
            d.Demographics.GetValueOrDefault("gender"), d.Demographics.GetValueOrDefault("occupation"), d.UserScores);
    }

    private static string Actual(VoteRow r) => Describe(r.MatchupId, r.VotedFor is null ? null : Path.GetFileName(r.VotedFor), r.Country, r.Language,
        r.Age, r.Gender, r.Occupation, r.UserScores);

    private static string Describe(string matchupId, string? votedFor, string? country, string? language, string? age, string? gender,
        string? occupation, IReadOnlyDictionary<string, double> scores) =>
        string.Join("|", matchupId, votedFor, country, language, age, gender, occupation,
            string.Join(",", scores.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => FormattableString.Invariant($"{s.Key}={s.Value}"))));
}

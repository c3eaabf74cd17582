using System.Globalization;
using System.Text;
using System.Text.Json;
using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Rapidata.Results;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

/// <summary>
/// A large results file is parsed by two threads, the second from an entry near the middle of the file; the outcomes
/// must be those of one sequential pass wherever the middle falls. The documents are small, with the split switched on
/// for any size, and padded with whitespace so that the middle falls at the byte each test chooses.
/// </summary>
public sealed class SplitReadTests : IDisposable
{
    private static readonly CompareResultsParseOptions SplitAnySize = new() { IncludeDetailedResults = false, ParallelReadMinimumBytes = 0 };
    private readonly string _folder = Directory.CreateTempSubdirectory("split-read-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReadDocumentAsync_MiddleAtTheEndOfAnEntry_SecondThreadReadsFromTheNextEntry()
    {
        var json = Document(entries: 40);
        var path = WriteWithMiddleAt(json, json.IndexOf(",{\"context\":\"prompt 23", StringComparison.Ordinal) - 1);

        Assert.Equal("0 23", await FirstIndexesAsync(path));
        await AssertSameOutcomesAsSequentialAsync(path, json);
    }

    [Fact]
    public async Task ReadDocumentAsync_MiddleInsideAStringHoldingBracesAndAComma_SplitsAtTheNextEntry()
    {
        var json = Document(entries: 40, context: i => $"prompt {i} }},{{\\\"winner\\\":1}},{{ ends");
        var path = WriteWithMiddleAt(json, json.IndexOf("prompt 17 }", StringComparison.Ordinal) + 9);

        Assert.Equal("0 18", await FirstIndexesAsync(path));
        await AssertSameOutcomesAsSequentialAsync(path, json);
    }

    [Fact]
    public async Task ReadDocumentAsync_MiddleInsideTheVotes_SplitsAtTheNextEntryNotAtAVote()
    {
        var json = Document(entries: 40);
        var entry = json.IndexOf("\"prompt 11", StringComparison.Ordinal);
        var path = WriteWithMiddleAt(json, json.IndexOf("\"detailedResults\"", entry, StringComparison.Ordinal) + 30);

        Assert.Equal("0 12", await FirstIndexesAsync(path));
        await AssertSameOutcomesAsSequentialAsync(path, json);
    }

    [Fact]
    public async Task ReadDocumentAsync_MiddleBeforeTheLastEntry_SecondPartHoldsOnlyIt()
    {
        var json = Document(entries: 40);
        var path = WriteWithMiddleAt(json, json.IndexOf(",{\"context\":\"prompt 39", StringComparison.Ordinal) - 1);

        Assert.Equal("0 39", await FirstIndexesAsync(path));
        await AssertSameOutcomesAsSequentialAsync(path, json);
    }

    [Fact]
    public async Task ReadDocumentAsync_MiddleInsideTheLastEntry_ReadsInOnePass()
    {
        var json = Document(entries: 40);
        var path = WriteWithMiddleAt(json, json.IndexOf("\"prompt 39", StringComparison.Ordinal));

        Assert.Equal("0", await FirstIndexesAsync(path));
        await AssertSameOutcomesAsSequentialAsync(path, json);
    }

    [Fact]
    public async Task ReadDocumentAsync_MatchupRepeatedOnBothSidesOfTheSplit_MergedInOrderWithExactlyTheSequentialSums()
    {
        // Entries 2, 25 and 31 are the same matchup: the second thread's two are merged into the first's one by one.
        var json = Document(entries: 40, matchupId: i => i is 25 or 31 ? "m2" : $"m{i}");
        var path = WriteWithMiddleAt(json, json.IndexOf(",{\"context\":\"prompt 20", StringComparison.Ordinal) - 1);

        Assert.Equal("0 20", await FirstIndexesAsync(path));
        var outcomes = await AssertSameOutcomesAsSequentialAsync(path, json);
        Assert.Equal(38, outcomes.Count);
        Assert.Equal("m2", outcomes[2].Matchup.Id);
        Assert.Equal(VotesOf(2).First + VotesOf(25).First + VotesOf(31).First, outcomes[2].Votes1);
    }

    [Fact]
    public async Task ReadDocumentAsync_EntriesWithoutMatchupIds_AreNumberedByTheirIndexInTheWholeDocument()
    {
        var json = Document(entries: 40, matchupId: _ => null);
        var path = WriteWithMiddleAt(json, json.IndexOf(",{\"context\":\"prompt 20", StringComparison.Ordinal) - 1);

        Assert.Equal("0 20", await FirstIndexesAsync(path));
        var outcomes = await AssertSameOutcomesAsSequentialAsync(path, json);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"result-{i}"), outcomes.Select(o => o.Matchup.Id));
    }

    [Fact]
    public async Task ReadDocumentAsync_BadFieldInTheSecondHalf_ErrorNamesItsIndexInTheWholeDocument()
    {
        var json = Document(entries: 40).Replace("\"model0_33_0.png\":6,", "\"model0_33_0.png\":\"six\",", StringComparison.Ordinal);
        var path = WriteWithMiddleAt(json, json.IndexOf(",{\"context\":\"prompt 20", StringComparison.Ordinal) - 1);

        var error = await Assert.ThrowsAsync<JsonException>(() => ReadAsync(path));

        Assert.Contains("results[33].aggregatedResults", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadDocumentAsync_EntryWithOneImageInTheSecondHalf_ErrorNamesItsIndexInTheWholeDocument()
    {
        var json = Document(entries: 40).Replace("\"model1_30_1.png\":\"https://a/30-1.png\"", "\"x\":null", StringComparison.Ordinal);
        var path = WriteWithMiddleAt(json, json.IndexOf(",{\"context\":\"prompt 20", StringComparison.Ordinal) - 1);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(path));

        Assert.StartsWith("results[30] has 1 image options", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadDocumentAsync_PropertiesAfterTheResults_AreReadAfterTheSecondPart()
    {
        var json = Document(entries: 40, after: ",\"summary\":{\"total\":40},\"info\":{\"name\":\"written last\"}");
        var path = WriteWithMiddleAt(json, json.IndexOf(",{\"context\":\"prompt 20", StringComparison.Ordinal) - 1);

        Assert.Equal("0 20", await FirstIndexesAsync(path));
        var (info, _) = await ReadAsync(path);

        Assert.Equal("written last", info.Name);
        await AssertSameOutcomesAsSequentialAsync(path, json);
    }

    [Fact]
    public async Task ReadDocumentAsync_DocumentWrappedInAJsonString_IsUnwrappedAndGivesTheSameOutcomes()
    {
        var json = Document(entries: 40);
        var wrapped = JsonSerializer.Serialize(json);
        var path = WriteWithMiddleAt(wrapped, wrapped.Length / 2);

        var (_, outcomes) = await ReadAsync(path);

        var (_, expected) = await MatchupOutcomeBuilder.ReadDocumentAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)),
            new CompareResultsParseOptions { IncludeDetailedResults = false });
        Assert.Equal(40, outcomes.Count);
        Assert.Equal(expected, outcomes);
    }

    [Fact]
    public async Task ReadDocumentAsync_FileSmallerThanTheMinimum_ReadsInOnePass()
    {
        var json = Document(entries: 40);
        var path = WriteWithMiddleAt(json, json.IndexOf(",{\"context\":\"prompt 20", StringComparison.Ordinal) - 1);

        await using var file = File.OpenRead(path);
        var (_, parts) = await CompareResultsDocument.ForEachEntryAggregatesInPartsAsync(file, _ => new List<int>(),
            (part, entry) => part.Add(entry.Index), new CompareResultsParseOptions());

        Assert.Equal(Enumerable.Range(0, 40), Assert.Single(parts).Part);
    }

    private static (int First, int Second) VotesOf(int entry) => (3 + entry % 5, 2 + entry % 3);

    /// <summary>Results whose entries hold asset URLs, counts, weighted scores (sums of three-decimal scores) and votes.</summary>
    private static string Document(int entries, Func<int, string?>? matchupId = null, Func<int, string>? context = null, string after = "")
    {
        var text = new StringBuilder("{\"results\":[");
        var invariant = CultureInfo.InvariantCulture;
        for (var i = 0; i < entries; i++)
        {
            var (first, second) = VotesOf(i);
            string image1 = $"model{i % 3}_{i}_0.png", image2 = $"model{(i + 1) % 3}_{i}_1.png";
            var id = matchupId is null ? $"m{i}" : matchupId(i);
            text.Append(i == 0 ? "{" : ",{").Append(invariant, $"\"context\":\"{context?.Invoke(i) ?? $"prompt {i}"}\",")
                .Append(invariant, $"\"assetUrls\":{{\"{image1}\":\"https://a/{i}-0.png\",\"{image2}\":\"https://a/{i}-1.png\"}},")
                .Append(invariant, $"\"aggregatedResults\":{{\"{image1}\":{first},\"{image2}\":{second}}},")
                .Append(invariant, $"\"summedUserScores\":{{\"{image1}\":{first * 0.1 + 0.017:0.000},\"{image2}\":{second * 0.3 + 0.011:0.000}}},")
                .Append(id is null ? "" : $"\"privateMetadata\":{{\"matchupId\":\"{id}\"}},")
                .Append("\"detailedResults\":[")
                .AppendJoin(',', Enumerable.Range(0, first + second).Select(v =>
                    $"{{\"votedFor\":\"{(v < first ? image1 : image2)}\",\"userDetails\":{{\"country\":\"DE\",\"note\":\"x}},{{y\"}}}}"))
                .Append("]}");
        }
        return text.Append(']').Append(after).Append('}').ToString();
    }

    /// <summary>Writes the document padded with whitespace before or after it so that the file's middle byte is <paramref name="middle"/>.</summary>
    private string WriteWithMiddleAt(string json, int middle)
    {
        var pad = json.Length - 2 * middle;
        var padded = pad >= 0 ? new string(' ', pad) + json : json + new string(' ', -pad);
        var path = Path.Combine(_folder, $"results-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, padded, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>The index of each part's first entry ("0 23": split before results[23]; "0": one pass).</summary>
    private static async Task<string> FirstIndexesAsync(string path)
    {
        await using var file = File.OpenRead(path);
        var (_, parts) = await CompareResultsDocument.ForEachEntryAggregatesInPartsAsync(file, _ => 0, (_, _) => { }, SplitAnySize);
        return string.Join(' ', parts.Select(p => p.FirstIndex));
    }

    private static async Task<(CompareResultsInfo Info, IReadOnlyList<MatchupOutcome> Outcomes)> ReadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await MatchupOutcomeBuilder.ReadDocumentAsync(file, SplitAnySize);
    }

    private static async Task<IReadOnlyList<MatchupOutcome>> AssertSameOutcomesAsSequentialAsync(string path, string json)
    {
        var (_, sequential) = await MatchupOutcomeBuilder.ReadDocumentAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)),
            new CompareResultsParseOptions { IncludeDetailedResults = false });
        var (_, split) = await ReadAsync(path);
        Assert.Equal(sequential.Count, split.Count);
        foreach (var (expected, actual) in sequential.Zip(split))
        {
            // Exact equality: the weighted sums must be added in the same order as one pass adds them.
            Assert.Equal(expected, actual with { Details = expected.Details });
        }
        return split;
    }
}

using System.IO.Compression;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Steps.Stage.Generation;
using PreferenceFunctions.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PreferenceFunctions.Pipeline.Steps.Stage;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Stage.Problems;
using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

/// <summary>Oversized files are refused from their listed size or declared entry count, before they are read.</summary>
public sealed class DatasetFileCapsTests
{
    [Fact]
    public async Task StageAsync_CsvOverMaxCsvBytes_RejectedAsFileTooLargeAndNotRead()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 20, zip: false);

        var staged = await fx.StageAsync("set", options: new DatasetOptions { MaxCsvBytes = 100 });

        Assert.False(staged.Accepted);
        var report = await new ManifestStore(fx.Blobs).ReadReportAsync(fx.Runs, staged.ReportBlobName);
        var problem = Assert.Single(report.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal((ProblemCodes.FileTooLarge, "matchups.csv"), (problem.Code, problem.File));
        Assert.Contains("Preference__Datasets__MaxCsvBytes", problem.Message);
        Assert.Equal(0, report.Counts.Rows); // never parsed
    }

    [Fact]
    public async Task StageAsync_ZipDeclaringMoreEntriesThanLimit_RejectedBeforeItsDirectoryIsRead()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 10, zip: true);

        var staged = await fx.StageAsync("set", options: new DatasetOptions { MaxZipEntries = 5 });

        Assert.False(staged.Accepted);
        var report = await new ManifestStore(fx.Blobs).ReadReportAsync(fx.Runs, staged.ReportBlobName);
        var problem = Assert.Single(report.Problems, p => p.Code == ProblemCodes.TooManyZipEntries);
        Assert.Contains("declares 20 entries, over the limit of 5", problem.Message);
    }

    [Fact]
    public async Task StageAsync_OrderJsonOverLimit_RejectedAndNotParsed()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 5, zip: false, orderJson: $$"""{ "name": "{{new string('n', 300)}}" }""");

        var staged = await fx.StageAsync("set", options: new DatasetOptions { MaxOrderJsonBytes = 200 });

        Assert.False(staged.Accepted);
        var report = await new ManifestStore(fx.Blobs).ReadReportAsync(fx.Runs, staged.ReportBlobName);
        var problem = Assert.Single(report.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal((ProblemCodes.FileTooLarge, "order.json"), (problem.Code, problem.File));
    }

    [Fact]
    public async Task StageAsync_20000x20000PngOf1MB_RejectedAsTooManyPixelsFromItsHeader()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.Datasets.UploadBlobAsync("set/bomb.png", BinaryData.FromBytes(Report.PngBomb.Create()));
        await fx.Datasets.UploadBlobAsync("set/ok.png", BinaryData.FromBytes(Report.TestImages.Png(SkiaSharp.SKColors.Red, 64, 64)));
        await fx.UploadTextAsync("set/matchups.csv", "prompt,image1,image2,model1,model2\na fox,bomb.png,ok.png,a,b\n");

        var staged = await fx.StageAsync("set");

        Assert.False(staged.Accepted);
        var report = await new ManifestStore(fx.Blobs).ReadReportAsync(fx.Runs, staged.ReportBlobName);
        var problem = Assert.Single(report.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal((ProblemCodes.ImageTooManyPixels, 2, "image1"), (problem.Code, problem.Row, problem.Column));
        Assert.Contains("20,000 x 20,000 pixels", problem.Message);
    }

    [Fact]
    public async Task CheckAsync_VotesOverMaxVotesPerRun_RejectedSayingTheNumbersAndTheSetting()
    {
        var folder = Path.Combine(Path.GetTempPath(), UniqueName.For("votes"));
        DatasetGenerator.Generate(new GenerateDatasetRequest(folder, 20, 2, Seed: 1, Zip: false, OrderJson: """{ "responsesPerMatchup": 15 }"""));
        try
        {
            var check = await LocalDatasetFolder.CheckAsync(folder, new DatasetOptions(), new PreferenceOptions { MaxVotesPerRun = 299 }, CancellationToken.None);

            Assert.False(check.Report.Accepted);
            Assert.Equal(300, check.Report.Counts.Votes);
            var problem = Assert.Single(check.Report.Problems, p => p.Code == ProblemCodes.TooManyVotes);
            Assert.Contains("300 votes (20 matchups x 15 responses), over the limit of 299 per run (Preference__MaxVotesPerRun)", problem.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task StageAsync_RunsOverMaxVotesPerDay_SecondRejectedFirstNotCountedTwice()
    {
        await using var fx = await StagingFixture.CreateAsync();
        await fx.UploadGeneratedAsync("set", matchups: 10, zip: false, orderJson: """{ "responsesPerMatchup": 10 }""");
        var defaults = new PreferenceOptions { MaxVotesPerDay = 250 };
        var table = UniqueName.For("votebudget");
        var storage = StorageConnection.FromConnectionString(await Azurite.GetConnectionStringAsync());
        var stager = new DatasetStager(fx.Blobs, Options.Create(new DatasetOptions()), Options.Create(defaults), NullLogger<DatasetStager>.Instance,
            new DailyVoteBudget(storage, Options.Create(defaults), TimeProvider.System, table));
        try
        {
            var first = await stager.StageAsync(new StageDatasetRequest(fx.Datasets.Name, "set", "run-1", fx.Runs), CancellationToken.None);
            var again = await stager.StageAsync(new StageDatasetRequest(fx.Datasets.Name, "set", "run-1", fx.Runs), CancellationToken.None);
            var second = await stager.StageAsync(new StageDatasetRequest(fx.Datasets.Name, "set", "run-2", fx.Runs), CancellationToken.None);
            var third = await stager.StageAsync(new StageDatasetRequest(fx.Datasets.Name, "set", "run-3", fx.Runs), CancellationToken.None);

            Assert.True(first.Accepted && again.Accepted && second.Accepted); // 100 + 100 of 250 (the repeat of run-1 reserves nothing)
            Assert.False(third.Accepted);
            var report = await new ManifestStore(fx.Blobs).ReadReportAsync(fx.Runs, third.ReportBlobName);
            var problem = Assert.Single(report.Problems, p => p.Code == ProblemCodes.TooManyVotesToday);
            Assert.Contains("100 votes, but 200 of the 250 allowed today (UTC) are already ordered (Preference__MaxVotesPerDay)", problem.Message);
        }
        finally
        {
            await storage.Tables.DeleteTableAsync(table);
        }
    }

    [Fact]
    public async Task ZipFitsAsync_Zip64WithMoreThan65535Entries_ReadsTheRealCount()
    {
        var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < 70_000; i++) zip.CreateEntry($"e{i}", CompressionLevel.NoCompression);
        var problems = new ProblemList(10);

        var fits = await FileLimits.ZipFitsAsync(bytes, new DatasetOptions { MaxZipEntries = 69_999 }, problems, CancellationToken.None);

        Assert.False(fits);
        Assert.Contains("declares 70,000 entries", problems.Single(ProblemCodes.TooManyZipEntries).Message);
    }
}

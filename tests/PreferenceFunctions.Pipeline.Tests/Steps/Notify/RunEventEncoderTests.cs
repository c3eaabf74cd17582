using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents.SystemTextJson;
using PreferenceFunctions.Pipeline.Steps.Notify;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Notify;

public sealed class RunEventEncoderTests
{
    [Fact]
    public void Encode_CompletedRun_WritesCloudEvents10Envelope()
    {
        var envelope = RunEventEncoder.Encode(NotificationTestData.Completed("run-42"), "/preference-functions");

        using var json = JsonDocument.Parse(envelope.Json);
        var root = json.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("run-42:preference.run.completed", root.GetProperty("id").GetString());
        Assert.Equal("/preference-functions", root.GetProperty("source").GetString());
        Assert.Equal("preference.run.completed", root.GetProperty("type").GetString());
        Assert.Equal("runs/run-42", root.GetProperty("subject").GetString());
        Assert.Equal(NotificationTestData.Time, root.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        var data = root.GetProperty("data");
        Assert.Equal("run-42", data.GetProperty("runId").GetString());
        Assert.Equal("flux", data.GetProperty("winnerModel").GetString());
        Assert.Equal(1800, data.GetProperty("counts").GetProperty("votes").GetInt32());
        Assert.Equal("https://app.example/api/runs/run-42/results", data.GetProperty("links").GetProperty("results").GetString());
        Assert.False(data.TryGetProperty("error", out _), "null members are left out");
    }

    [Fact]
    public void Encode_SameEventTwice_GivesIdenticalBytes()
    {
        var first = RunEventEncoder.Encode(NotificationTestData.Completed(), "/preference-functions");
        var second = RunEventEncoder.Encode(NotificationTestData.Completed(), "/preference-functions");

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Json.ToArray(), second.Json.ToArray());
    }

    [Fact]
    public void Encode_Output_ParsesWithTheCloudEventsSdk()
    {
        var envelope = RunEventEncoder.Encode(NotificationTestData.Completed(), "https://contoso.example/preference");

        var parsed = new JsonEventFormatter().DecodeStructuredModeMessage(
            envelope.Json.ToMemory(), new ContentType(RunEventEnvelope.MediaType), extensionAttributes: null);

        Assert.Equal("run-42:preference.run.completed", parsed.Id);
        Assert.Equal(new Uri("https://contoso.example/preference"), parsed.Source);
        Assert.Equal("runs/run-42", parsed.Subject);
    }

    [Fact]
    public void Encode_UnknownType_ThrowsNamingTheType()
    {
        var runEvent = NotificationTestData.Completed() with { Type = "preference.run.exploded" };

        var error = Assert.Throws<ArgumentException>(() => RunEventEncoder.Encode(runEvent, "/preference-functions"));

        Assert.Contains("preference.run.exploded", error.Message);
    }
}

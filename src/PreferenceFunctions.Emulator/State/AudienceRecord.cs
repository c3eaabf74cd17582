using System.Text.Json.Nodes;

namespace PreferenceFunctions.Emulator.State;

/// <summary>An audience (POST /audience, or the built-in <c>global</c> one) with its qualification examples.</summary>
internal sealed class AudienceRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public List<JsonObject> Filters { get; init; } = [];

    /// <summary>Created, Pending, Recruiting or Ready (AudienceStatus).</summary>
    public string Status { get; set; } = "Created";

    public double TargetAccuracy { get; init; } = 0.75;

    public int MinTasks { get; init; } = 10;

    /// <summary>Guarded by locking the list itself.</summary>
    public List<AudienceExampleRecord> Examples { get; init; } = [];
}

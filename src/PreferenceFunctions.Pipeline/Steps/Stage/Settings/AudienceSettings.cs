using System.Text.Json.Nodes;

namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// Who labels a job-flow run: an existing audience (<see cref="Id"/>: <c>global</c>, a curated or an own audience id), or a
/// custom audience created for the run (<see cref="Name"/>, audience <see cref="Filters"/>, qualification
/// <see cref="Examples"/> and the graduation rule: <see cref="TargetAccuracy"/> over <see cref="MinTasks"/> tasks).
/// </summary>
public sealed record AudienceSettings(
    string? Id,
    string? Name = null,
    IReadOnlyList<JsonObject>? Filters = null,
    IReadOnlyList<AudienceExample>? Examples = null,
    double? TargetAccuracy = null,
    int? MinTasks = null)
{
    public bool IsCustom => Id is null;
}

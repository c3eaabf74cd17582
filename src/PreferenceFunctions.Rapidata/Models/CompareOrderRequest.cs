using System.Text.Json.Nodes;

namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A compare order: a SimpleWorkflow with a CompareBlueprint (<c>POST /order</c>).</summary>
/// <param name="Name">The order name; also how an order is found again (<see cref="RapidataClient.FindOrdersAsync"/>).</param>
/// <param name="Criteria">The instruction shown to labelers, e.g. "Which image fits the description better?".</param>
/// <param name="IndexIdentifiers">Names of option 0 and 1 (e.g. the two models), or null.</param>
/// <param name="UserFilters">Rapidata <c>IUserFilter</c> objects, each with its own <c>_t</c>, passed through as written.</param>
/// <param name="Selections">Rapidata <c>ISelection</c> objects, each with its own <c>_t</c>; null for the server's default.</param>
public sealed record CompareOrderRequest(
    string Name,
    string Criteria,
    Referee Referee,
    IReadOnlyList<string>? IndexIdentifiers = null,
    string? ValidationSetId = null,
    IReadOnlyList<JsonObject>? UserFilters = null,
    IReadOnlyList<FeatureFlag>? RapidFeatureFlags = null,
    IReadOnlyList<JsonObject>? Selections = null);

namespace PreferenceFunctions.Rapidata.Models;

/// <summary>A validation set as <c>GET /validation-set/{id}</c> returns it.</summary>
public sealed record ValidationSet(
    string Id,
    string Name,
    bool IsPublic,
    IReadOnlyList<string> Dimensions,
    DateTimeOffset CreatedAt,
    string? OwnerMail = null,
    string? OrganizationId = null,
    string? OwnerId = null);

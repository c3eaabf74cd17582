using System.ComponentModel.DataAnnotations;

namespace PreferenceFunctions.Rapidata;

/// <summary>Settings of the Rapidata client, bound from the <c>Rapidata</c> configuration section.</summary>
public sealed class RapidataClientOptions
{
    public const string SectionName = "Rapidata";

    /// <summary>REST API base URL.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://api.rapidata.ai");

    /// <summary>OIDC server base URL; the token endpoint is <c>{AuthBaseUrl}/connect/token</c>.</summary>
    [Required]
    public Uri AuthBaseUrl { get; set; } = new("https://auth.rapidata.ai");

    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string ClientSecret { get; set; } = "";
}

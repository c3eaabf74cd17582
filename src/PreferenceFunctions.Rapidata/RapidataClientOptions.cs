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

    /// <summary>OAuth scopes requested with the client credentials (the Python SDK's default).</summary>
    [Required]
    public string Scope { get; set; } = "openid email api";

    /// <summary>Whole-call limit, retries included (for downloads: until the response headers arrive).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Limit of one attempt; an attempt that times out is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries after the first attempt, for 408, 429, 502, 503, 504 and network errors only.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off delay when the response has no <c>Retry-After</c>; doubles per attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Longest wait taken from a <c>Retry-After</c> header (the Python SDK caps it at 60 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long before its expiry a token is renewed (at most half its lifetime).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromSeconds(60);
}

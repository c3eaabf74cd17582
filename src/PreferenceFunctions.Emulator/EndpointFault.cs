namespace PreferenceFunctions.Emulator;

/// <summary>Error rates and added latency for the requests of one endpoint.</summary>
public sealed class EndpointFault
{
    /// <summary>"METHOD /path/template" as in the OpenAPI documents (e.g. "POST /asset/file"), a concrete path, or "*" for every API call.</summary>
    public string Endpoint { get; set; } = "*";

    /// <summary>Share of requests answered 429 Too Many Requests (0..1).</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>Share of requests answered 503 Service Unavailable (0..1).</summary>
    public double ServiceUnavailableRate { get; set; }

    /// <summary>Retry-After header value (seconds) sent with 429 and 503.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Milliseconds added before the request is handled.</summary>
    public int LatencyMs { get; set; }
}

namespace PreferenceFunctions.Emulator;

/// <summary>Error rates and added latency for the requests of one endpoint.</summary>
public sealed class EndpointFault
{
    /// <summary>"METHOD /path/template" as in the OpenAPI documents (e.g. "POST /asset/file"), a concrete path, a path pattern
    /// (as <see cref="OutageWindow.Endpoint"/>), or "*" / "all" for every API call.</summary>
    public string Endpoint { get; set; } = "*";

    /// <summary>Share of requests answered 429 Too Many Requests (0..1).</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>Share of requests answered 503 Service Unavailable (0..1).</summary>
    public double ServiceUnavailableRate { get; set; }

    /// <summary>Share of requests answered <see cref="ServerErrorStatus"/> (0..1); the three rates add up to at most 1.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>The 5xx status sent at <see cref="ServerErrorRate"/> (500, 502, 504, ...).</summary>
    public int ServerErrorStatus { get; set; } = StatusCodes.Status500InternalServerError;

    /// <summary>Retry-After header value (seconds) sent with 429 and 503.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Milliseconds added before the request is handled.</summary>
    public int LatencyMs { get; set; }
}

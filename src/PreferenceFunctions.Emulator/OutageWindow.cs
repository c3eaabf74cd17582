namespace PreferenceFunctions.Emulator;

/// <summary>A time-boxed outage: from <see cref="StartsAt"/> (or <see cref="StartsIn"/> from when it is set) for
/// <see cref="Duration"/>, every request matching <see cref="Endpoint"/> gets <see cref="Status"/> with a problem+json body.</summary>
/// <remarks>The admin API (<c>/_emulator</c>) is never affected. Times are read from the emulator's clock (its TimeProvider).</remarks>
public sealed class OutageWindow
{
    /// <summary>The <see cref="Endpoint"/> value selecting every Rapidata endpoint (the token endpoint included).</summary>
    public const string AllEndpoints = "all";

    /// <summary>"all" (or "*"), or "METHOD /path/pattern" ("GET /order/{orderId}", "* /order/**"), or "/path/pattern" for any
    /// method. In a pattern "{name}" or "*" matches one path segment and a final "**" matches the rest.</summary>
    public string Endpoint { get; set; } = AllEndpoints;

    /// <summary>Absolute start (UTC). Leave null and set <see cref="StartsIn"/> to start relative to now.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>Start as an offset from the moment the window is set (e.g. "00:00:05"); the emulator turns it into
    /// <see cref="StartsAt"/>. With neither set, the window starts at once.</summary>
    public TimeSpan? StartsIn { get; set; }

    /// <summary>How long the outage lasts (must be positive).</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>The status every matching request gets: 429 or any 5xx (500, 502, 503, 504, ...).</summary>
    public int Status { get; set; } = StatusCodes.Status503ServiceUnavailable;

    /// <summary>When set, the Retry-After header (seconds) sent with the status.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>When the outage is over (StartsAt + Duration), once the start is known.</summary>
    public DateTimeOffset? EndsAt => StartsAt + Duration;

    /// <summary>A copy whose start is absolute: <see cref="StartsIn"/> counted from <paramref name="anchor"/>.</summary>
    internal OutageWindow ResolvedFrom(DateTimeOffset anchor) => new()
    {
        Endpoint = Endpoint,
        StartsAt = (StartsAt ?? anchor + (StartsIn ?? TimeSpan.Zero)).ToUniversalTime(),
        Duration = Duration,
        Status = Status,
        RetryAfterSeconds = RetryAfterSeconds,
    };

    internal bool IsResolved => StartsAt is not null && StartsIn is null;
}

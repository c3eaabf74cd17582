namespace PreferenceFunctions.Rapidata.Tests.Fakes;

/// <summary>What the fake server answers to one request.</summary>
/// <param name="Hang">Never answer: the request waits until the client gives up (cancellation, timeouts).</param>
/// <param name="WriteBody">Writes the body itself, e.g. part of it, then waits for the test.</param>
internal sealed record FakeResponse(
    int Status,
    string? Json = null,
    byte[]? Bytes = null,
    string ContentType = "application/json",
    IReadOnlyDictionary<string, string>? Headers = null,
    bool Hang = false,
    Func<Stream, CancellationToken, Task>? WriteBody = null)
{
    public static FakeResponse NoContent { get; } = new(204);

    public static FakeResponse Ok(string json) => new(200, json);

    public static FakeResponse Problem(int status, string json, string? traceId = null) => new(status, json,
        ContentType: "application/problem+json",
        Headers: traceId is null ? null : new Dictionary<string, string> { ["x-trace-id"] = traceId });
}

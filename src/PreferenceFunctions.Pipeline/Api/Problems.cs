using Microsoft.AspNetCore.Http;

namespace PreferenceFunctions.Pipeline.Api;

/// <summary>RFC 7807 problem+json responses with messages that say what to fix.</summary>
public static class Problems
{
    public static IResult BadRequest(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Validation(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    public static IResult NotFound(string runId) =>
        Results.Problem(title: "Run not found", detail: $"There is no run with id '{runId}'.", statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) =>
        Results.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}

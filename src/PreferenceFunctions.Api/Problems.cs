using Microsoft.AspNetCore.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace PreferenceFunctions.Api;

/// <summary>RFC 7807 problem+json responses with messages that say what to fix.</summary>
public static class Problems
{
    public static IResult BadRequest(string title, string detail) =>
        HttpResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Validation(string field, string message) =>
        HttpResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message);

    public static IResult NotFound(string runId) =>
        HttpResults.Problem(title: "Run not found", detail: $"There is no run with id '{runId}'.", statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) =>
        HttpResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}

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

    /// <summary>400 listing every field that is wrong (field -> messages).</summary>
    public static IResult Validation(IDictionary<string, string[]> errors) =>
        HttpResults.ValidationProblem(errors, detail: string.Join(" ", errors.SelectMany(e => e.Value)));

    public static IResult UnsupportedMediaType(string detail) =>
        HttpResults.Problem(title: "Unsupported media type", detail: detail, statusCode: StatusCodes.Status415UnsupportedMediaType);

    /// <summary>422: the request is well-formed but contradicts an earlier one (an Idempotency-Key reused with other settings).</summary>
    public static IResult Unprocessable(string title, string detail) =>
        HttpResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult NotFound(string runId) =>
        HttpResults.Problem(title: "Run not found", detail: $"There is no run with id '{runId}'.", statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) =>
        HttpResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}

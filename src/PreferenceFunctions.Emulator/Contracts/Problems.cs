namespace PreferenceFunctions.Emulator.Contracts;

/// <summary>The error responses the real API documents: 400 ValidationProblemDetails naming fields, 404 for unknown ids.</summary>
internal static class Problems
{
    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Results.ValidationProblem(errors, detail: detail, title: "One or more validation errors occurred.");

    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    public static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"{what} '{id}' does not exist.");
}

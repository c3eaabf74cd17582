using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PreferenceFunctions.Functions;

/// <summary>Runs a shared handler's <see cref="IResult"/> as the function's <see cref="IActionResult"/>.</summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}

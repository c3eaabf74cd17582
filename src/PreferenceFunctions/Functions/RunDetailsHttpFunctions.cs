using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PreferenceFunctions.Api;

namespace PreferenceFunctions.Functions;

/// <summary>A run's validation report and its staged images (docs/http-api.md), over the handlers shared with the local host.</summary>
public sealed class RunDetailsHttpFunctions(ValidationApi validation, RunImagesApi images)
{
    [Function("GetRunValidation")]
    public async Task<IActionResult> Validation(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}/validation")] HttpRequest request, string runId) =>
        new ResultAction(await validation.GetValidationAsync(runId, request, request.HttpContext.RequestAborted));

    [Function("GetRunImage")]
    public async Task<IActionResult> Image(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}/images")] HttpRequest request, string runId) =>
        new ResultAction(await images.GetImageAsync(runId, request, request.HttpContext.RequestAborted));
}

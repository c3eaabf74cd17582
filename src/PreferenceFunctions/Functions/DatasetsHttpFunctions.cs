using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PreferenceFunctions.Api;

namespace PreferenceFunctions.Functions;

/// <summary>Uploading a dataset folder (the dashboard's drop zone; docs/http-api.md), over the handler shared with the local host.</summary>
public sealed class DatasetsHttpFunctions(DatasetUploadApi datasets)
{
    [Function("UploadDataset")]
    public async Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "datasets/{dataset}")] HttpRequest request, string dataset) =>
        new ResultAction(await datasets.UploadAsync(dataset, request, request.HttpContext.RequestAborted));
}

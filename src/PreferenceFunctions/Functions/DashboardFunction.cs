using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PreferenceFunctions.Api.Dashboard;

namespace PreferenceFunctions.Functions;

/// <summary>The dashboard at <c>/api/dashboard?code=KEY</c>: function-key protected like the API, whose calls carry the same key.</summary>
public static class DashboardFunction
{
    [Function("Dashboard")]
    public static IActionResult Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard")] HttpRequest request) =>
        new ResultAction(DashboardPage.Get());
}

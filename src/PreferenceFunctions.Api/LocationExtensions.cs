using Microsoft.AspNetCore.Http;

namespace PreferenceFunctions.Api;

internal static class LocationExtensions
{
    /// <summary>Adds a Location header (the status URL of a 202) to a result.</summary>
    public static IResult WithLocation(this IResult result, string location) => new LocatedResult(result, location);

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

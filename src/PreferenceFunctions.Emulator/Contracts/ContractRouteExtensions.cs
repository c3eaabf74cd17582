namespace PreferenceFunctions.Emulator.Contracts;

/// <summary>Maps an API route that must exist in the OpenAPI documents, and tags it with its operation for validation.</summary>
internal static class ContractRouteExtensions
{
    public static RouteHandlerBuilder MapContract(this IEndpointRouteBuilder routes, string method, string pathTemplate, Delegate handler) =>
        routes.MapMethods(pathTemplate, [method], handler)
            .WithMetadata(OpenApiContracts.Shared.Get(method, pathTemplate));
}

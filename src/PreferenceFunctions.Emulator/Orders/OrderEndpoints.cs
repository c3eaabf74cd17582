using PreferenceFunctions.Emulator.Aggregation;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Orders;

/// <summary>The order endpoints of order.openapi.json that the compare flow uses.</summary>
internal static class OrderEndpoints
{
    public static void MapOrderEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapContract("POST", "/order", Create);
        routes.MapContract("GET", "/order/{orderId}", Get);
        routes.MapContract("PATCH", "/order/{orderId}", Update);
        routes.MapContract("GET", "/orders", OrderQuery.Run);
        routes.MapContract("POST", "/order/{orderId}/preview", (string orderId, Env env) => Command(env, orderId, env.Commands.Preview));
        routes.MapContract("POST", "/order/{orderId}/submit", (string orderId, Env env) => Command(env, orderId, env.Commands.Submit));
        routes.MapContract("POST", "/order/{orderId}/pause", (string orderId, Env env) => Command(env, orderId, env.Commands.Pause));
        routes.MapContract("POST", "/order/{orderId}/resume", (string orderId, Env env) => Command(env, orderId, env.Commands.Resume));
        routes.MapContract("POST", "/order/{orderId}/retry", (string orderId, Env env) => Command(env, orderId, env.Commands.Retry));
        routes.MapContract("POST", "/order/{orderId}/approve", (string orderId, Env env) => Command(env, orderId, env.Commands.Approve));
        routes.MapContract("DELETE", "/order/{orderId}", (string orderId, Env env) => Command(env, orderId, env.Commands.Delete));
        routes.MapContract("GET", "/order/{orderId}/download-results", DownloadResultsAsync);
        routes.MapContract("GET", "/order/{orderId}/results", ResultsAsStringAsync);
    }

    private static IResult Create(HttpContext context, EmulatorState state, OrderLifecycle lifecycle)
    {
        var (order, errors) = CreateOrderReader.Read(ContractValidationMiddleware.Body(context)!, state, lifecycle.Now);
        if (order is null)
        {
            return Problems.Validation(errors);
        }

        state.Datasets[order.DatasetId] = new DatasetRecord { Id = order.DatasetId, OrderId = order.Id };
        state.Orders[order.Id] = order;
        state.Changed();
        return Results.Ok(new CreateOrderOutput(order.DatasetId, order.Id, order.CampaignId, order.PipelineId));
    }

    private static IResult Get(string orderId, Env env)
    {
        if (env.State.FindOrder(orderId) is not { } order)
        {
            return Problems.NotFound("Order", orderId);
        }

        env.Lifecycle.Refresh(order);
        return Results.Ok(new OrderOutput(
            order.Name, env.Options.CustomerMail, order.CreatedAt, order.State, order.PipelineId, order.IsLocked, false, order.FailureMessage));
    }

    private static IResult Update(string orderId, HttpContext context, Env env)
    {
        if (env.State.FindOrder(orderId) is not { } order)
        {
            return Problems.NotFound("Order", orderId);
        }

        var body = ContractValidationMiddleware.Body(context);
        var preceding = body?["precedingOrderId"]?.GetValue<string>();
        if (preceding is not null && env.State.FindOrder(preceding) is null)
        {
            return Problems.Validation("$.precedingOrderId", $"Order '{preceding}' does not exist.");
        }

        lock (order.Sync)
        {
            order.Name = body?["name"]?.GetValue<string>() ?? order.Name;
            if (body?.AsObject().ContainsKey("precedingOrderId") == true)
            {
                order.PrecedingOrderId = preceding;
            }
        }

        env.State.Changed();
        return Results.NoContent();
    }

    private static IResult Command(Env env, string orderId, Func<OrderRecord, string?> command)
    {
        if (env.State.FindOrder(orderId) is not { } order)
        {
            return Problems.NotFound("Order", orderId);
        }

        return command(order) is { } error ? Problems.Validation("orderId", error) : Results.NoContent();
    }

    private static async Task DownloadResultsAsync(string orderId, HttpContext context, Env env, ResultsDocumentWriter writer)
    {
        if (await ReadyOrderAsync(orderId, context, env) is not { } order)
        {
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{orderId}-results.json\"";
        await writer.WriteAsync(context.Response.Body, order, collectedVotes: null, asJsonString: false, context.RequestAborted);
    }

    private static async Task ResultsAsStringAsync(string orderId, HttpContext context, Env env, ResultsDocumentWriter writer)
    {
        if (await ReadyOrderAsync(orderId, context, env) is not { } order)
        {
            return;
        }

        context.Response.ContentType = "application/json";
        await writer.WriteAsync(context.Response.Body, order, collectedVotes: null, asJsonString: true, context.RequestAborted);
    }

    private static async Task<OrderRecord?> ReadyOrderAsync(string orderId, HttpContext context, Env env)
    {
        if (env.State.FindOrder(orderId) is not { } order)
        {
            await Problems.NotFound("Order", orderId).ExecuteAsync(context);
            return null;
        }

        if (env.Commands.BeginDownload(order) is { } error)
        {
            await Problems.Validation("orderId", error).ExecuteAsync(context);
            return null;
        }

        return order;
    }
}

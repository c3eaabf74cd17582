using PreferenceFunctions.Emulator.Auth;
using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.Faults;
using PreferenceFunctions.Emulator.Orders;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Admin;

/// <summary>The emulator-only admin API under /_emulator/ (no token needed): faults and outage windows, crowd, orders, request log, tokens.</summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup(EmulatorPaths.Admin);
        admin.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        admin.MapGet("/faults", (EmulatorOptions options) => Results.Ok(options.Faults));
        admin.MapPut("/faults", (FaultOptions faults, FaultControl control) =>
        {
            var (installed, errors) = control.Replace(faults);
            return installed is null ? Problems.Validation(errors) : Results.Ok(installed);
        });
        admin.MapDelete("/faults", (FaultControl control) =>
        {
            control.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/faults/outages", (OutageWindow window, FaultControl control) =>
        {
            var (added, errors) = control.AddOutage(window);
            return added is null ? Problems.Validation(errors) : Results.Ok(added);
        });
        admin.MapGet("/crowd", (EmulatorOptions options) => Results.Ok(options.Crowd));
        admin.MapPut("/crowd", (CrowdOptions crowd, EmulatorOptions options) =>
            Replace(new EmulatorOptions { Crowd = crowd }, () => options.Crowd = crowd, crowd));
        admin.MapPut("/token-lifetime", (TokenLifetimeInput input, EmulatorOptions options) =>
            Replace(new EmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(input.Seconds) }, () => options.TokenLifetime = TimeSpan.FromSeconds(input.Seconds), input));
        admin.MapDelete("/tokens", (TokenStore tokens) =>
        {
            tokens.RevokeAll();
            return Results.NoContent();
        });
        admin.MapGet("/orders", (EmulatorState state, OrderLifecycle lifecycle) =>
            Results.Ok(state.Orders.Values.Select(o => Progress(lifecycle.Refresh(o), state, lifecycle))));
        admin.MapPost("/orders/{orderId}/complete", (string orderId, EmulatorState state, OrderCommands commands) =>
            (state.FindOrder(orderId) ?? state.FindJob(orderId)) is not { } order ? Problems.NotFound("Order", orderId)
            : commands.Complete(order) is { } error ? Problems.Validation("orderId", error)
            : Results.NoContent());
        admin.MapGet("/requests", (RequestLog log) => Results.Ok(log.Entries));
        admin.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }

    // The change is validated on its own (defaults elsewhere) and applied only when valid.
    private static IResult Replace<T>(EmulatorOptions candidate, Action apply, T value)
    {
        var errors = EmulatorOptionsValidator.Validate(candidate);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        apply();
        return Results.Ok(value);
    }

    private static OrderProgress Progress(OrderRecord order, EmulatorState state, OrderLifecycle lifecycle)
    {
        var submitted = order.SubmittedAt is not null;
        return new OrderProgress(
            order.Id,
            order.Name,
            order.State,
            state.Datasets[order.DatasetId].Count,
            submitted ? lifecycle.CollectedVotes(order, lifecycle.Now) : 0,
            submitted ? lifecycle.TotalVotes(order) : 0);
    }
}

/// <summary>Body of PUT /_emulator/token-lifetime.</summary>
internal sealed record TokenLifetimeInput(double Seconds);

/// <summary>An order's progress as GET /_emulator/orders lists it.</summary>
internal sealed record OrderProgress(string Id, string Name, string State, int Datapoints, long CollectedVotes, long TotalVotes);

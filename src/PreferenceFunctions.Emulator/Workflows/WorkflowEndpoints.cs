using PreferenceFunctions.Emulator.Contracts;
using PreferenceFunctions.Emulator.Orders;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Workflows;

/// <summary>GET /workflow/{workflowId}/progress (deprecated by Rapidata, still served): how far the crowd is with an order.
/// The workflow id is the order's WorkflowArtifactModel in GET /pipeline/{pipelineId}.</summary>
internal static class WorkflowEndpoints
{
    public static void MapWorkflowEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapContract("GET", "/workflow/{workflowId}/progress", Progress);

    private static IResult Progress(string workflowId, EmulatorState state, OrderLifecycle lifecycle)
    {
        if (state.OrderByWorkflow(workflowId) is not { } order)
        {
            return Problems.NotFound("Workflow", workflowId);
        }

        lifecycle.Refresh(order);
        var total = state.Datasets[order.DatasetId].Count;
        var completed = lifecycle.CompletedDatapoints(order, lifecycle.Now);
        return Results.Ok(new WorkflowProgressOutput(total == 0 ? 0 : 100.0 * completed / total, total, completed, StateOf(order.State)));
    }

    /// <summary>The WorkflowState of an order's workflow.</summary>
    private static string StateOf(string orderState) => orderState switch
    {
        OrderStates.Created or OrderStates.Preview => "Created",
        OrderStates.Processing => "Labeling",
        OrderStates.Paused => "Paused",
        OrderStates.Completed or OrderStates.StaleResults => "Done",
        OrderStates.Failed => "Failed",
        _ => "Started", // Submitted, ManualReview, Queued: started, not yet labelling
    };
}

/// <summary>GetWorkflowProgressEndpoint_Output.</summary>
internal sealed record WorkflowProgressOutput(double CompletionPercentage, long Total, long Completed, string State);

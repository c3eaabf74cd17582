using Microsoft.DurableTask;
using PreferenceFunctions.Pipeline.Kernel;
using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Order;
using PreferenceFunctions.Pipeline.Steps.Stage.Manifest;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Rapidata;
using PreferenceFunctions.Rapidata.Models;

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

/// <summary>
/// Creates a follow-up round's compare order (always the order flow: it only needs the run's criteria and images) with
/// <see cref="AdaptiveSettings.ExtraResponses"/> responses per matchup, never twice: the order recorded in the round's
/// folder is reused; an unsubmitted order with the round's name that was never recorded (a crash in between) is deleted
/// first, and one already submitted but unrecorded stops the round rather than pay twice.
/// </summary>
public sealed class CreateRoundOrderActivity(RapidataClient rapidata, ManifestStore manifests, RoundStore rounds)
    : TaskActivity<RoundStep, OrderReference>
{
    public override async Task<OrderReference> RunAsync(TaskActivityContext context, RoundStep step)
    {
        var recordBlob = RoundBlobs.Order(step.RunId, step.Round);
        if (await rounds.ReadAsync<OrderReference>(step.RunsContainer, recordBlob) is { } recorded) return recorded;

        var settings = (await manifests.ReadManifestAsync(step.RunsContainer, RunBlobs.Manifest(step.RunId))).Settings;
        var name = OrderNameFor(settings.Name, step.RunId, step.Round);
        var lost = (await rapidata.FindOrdersAsync(step.RunId)).Items.Where(o => o.OrderName == name).ToList();
        if (lost.FirstOrDefault(o => o.State != OrderState.Created) is { } submitted)
            throw new InvalidOperationException($"Order {submitted.Id} named \"{name}\" is already {submitted.State} but not recorded " +
                "for this round; refusing to create a second, paid order.");
        foreach (var order in lost) await rapidata.DeleteOrderAsync(order.Id);

        var adaptive = settings.Adaptive ?? throw new InvalidOperationException($"Run {step.RunId} has no adaptive settings.");
        var roundSettings = settings with
        {
            ResponsesPerMatchup = adaptive.ExtraResponses,
            Referee = new RefereeSettings(RefereeKind.Naive, null), // every extra vote is bought: the round exists to collect them
            Flow = RapidataFlow.Orders,
        };
        var created = await rapidata.CreateCompareOrderAsync(CompareOrderRequests.Create(name, roundSettings));
        var reference = new OrderReference(created.OrderId, created.DatasetId ?? throw new InvalidOperationException(
            $"Rapidata created order {created.OrderId} without a dataset id; the round cannot upload to it."), created.PipelineId, name);
        await rounds.WriteAsync(step.RunsContainer, recordBlob, reference);
        return reference;
    }

    /// <summary>Ends with the run id like the run's own order, so a lost one is found by name.</summary>
    public static string OrderNameFor(string name, string runId, int round) => $"{name} round {round} [{runId}]";
}

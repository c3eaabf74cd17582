using PreferenceFunctions.Pipeline.Ledger;
using PreferenceFunctions.Pipeline.Steps.Stage.Settings;

namespace PreferenceFunctions.Pipeline.Runs;

/// <summary>
/// Everything a run needs once its order is submitted (paid for): the order, what to join the results with, where to
/// announce the end, and the deadline. It crosses each ContinueAsNew of the wait, and <c>resume</c> rebuilds it from
/// the run's row and manifest; so it is a stable contract: add optional members, never rename or remove one.
/// <see cref="Adaptive"/> (order.json's adaptive rounds, null without) and <see cref="Votes"/> (ordered) serve the rounds.
/// </summary>
public sealed record SubmittedOrder(
    OrderReference Order,
    int Matchups,
    IReadOnlyList<string> ChunkBlobNames,
    string? Webhook,
    DateTime Deadline,
    AdaptiveSettings? Adaptive = null,
    int Votes = 0);

using PreferenceFunctions.Pipeline.Steps.Stage.Settings;
using PreferenceFunctions.Rapidata.Models;
using RapidataFeatureFlag = PreferenceFunctions.Rapidata.Models.FeatureFlag;

namespace PreferenceFunctions.Pipeline.Steps.Order;

/// <summary>Turns a run's resolved order settings into Rapidata's compare order request (and a job definition's referee and flags).</summary>
internal static class CompareOrderRequests
{
    public static CompareOrderRequest Create(string orderName, OrderSettings settings) => new(
        orderName,
        settings.Criteria,
        RefereeFor(settings),
        IndexIdentifiers: null,
        ValidationSetId: settings.ValidationSetId,
        UserFilters: settings.Filters,
        RapidFeatureFlags: Flags(settings));

    public static IReadOnlyList<RapidataFeatureFlag> Flags(OrderSettings settings) =>
        [.. settings.FeatureFlags.Select(f => new RapidataFeatureFlag(f.Key, f.Value))];

    public static Referee RefereeFor(OrderSettings settings) => settings.Referee.Kind switch
    {
        RefereeKind.Quorum => new QuorumReferee(settings.ResponsesPerMatchup, (int)settings.Referee.Threshold!.Value),
        RefereeKind.EarlyStopping => new EarlyStoppingReferee(settings.ResponsesPerMatchup, settings.Referee.Threshold!.Value),
        _ => new NaiveReferee(settings.ResponsesPerMatchup),
    };
}

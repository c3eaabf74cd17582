using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PreferenceFunctions.Pipeline.Kernel.Telemetry;

/// <summary>
/// The pipeline's span source and meter (both named <see cref="Name"/>): a span per activity execution, and the counters
/// of runs, uploads, votes and order states. Instruments are recorded by activities and the ledger, never by orchestrator
/// code (which replays).
/// </summary>
public static class PipelineTelemetry
{
    public const string Name = "PreferenceFunctions.Pipeline";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("preference.runs.started", "{run}",
        "Runs that began validating their dataset.");

    public static readonly Counter<long> RunsEnded = Meter.CreateCounter<long>("preference.runs.ended", "{run}",
        "Runs that ended, by status (Completed, Failed, Rejected, Cancelled) and the phase they ended in.");

    public static readonly Counter<long> MatchupsStaged = Meter.CreateCounter<long>("preference.matchups.staged", "{matchup}",
        "Matchups of accepted datasets.");

    public static readonly Counter<long> ImagesUploaded = Meter.CreateCounter<long>("preference.images.uploaded", "{image}",
        "Images uploaded to Rapidata.");

    public static readonly Counter<long> ImagesReused = Meter.CreateCounter<long>("preference.images.reused", "{image}",
        "Images Rapidata already had (the media asset log).");

    public static readonly Counter<long> BytesUploaded = Meter.CreateCounter<long>("preference.upload.bytes", "By",
        "Image bytes uploaded to Rapidata.");

    public static readonly Counter<long> VotesReceived = Meter.CreateCounter<long>("preference.votes.received", "{vote}",
        "Votes in the results of runs that wrote their results.");

    public static readonly Counter<long> OrderTransitions = Meter.CreateCounter<long>("preference.order.transitions", "{transition}",
        "Changes of a run's order (or job) state, by the state left and the state entered.");

    public static readonly Histogram<double> ActivityDuration = Meter.CreateHistogram<double>("preference.activity.duration", "s",
        "How long each activity execution took, by activity and outcome (GetOrderStatus is the poll latency).");

    /// <summary>The tag every span and log scope of a run carries.</summary>
    public const string RunIdTag = "preference.run_id";

    public const string DatasetTag = "preference.dataset";
    public const string PhaseTag = "preference.phase";
    public const string OrderIdTag = "preference.order_id";
}

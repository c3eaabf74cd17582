namespace PreferenceFunctions.Emulator.State;

/// <summary>A requested preliminary download: a snapshot of the votes collected when it was requested.</summary>
internal sealed class PreliminaryDownload
{
    public required string Id { get; init; }

    public required string OrderId { get; init; }

    public required long CollectedVotes { get; init; }

    /// <summary>The first poll answers 202 (still building), like the real endpoint; later polls get the document.</summary>
    public int PollCount;
}

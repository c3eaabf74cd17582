namespace PreferenceFunctions.Pipeline.Steps.Stage.Settings;

/// <summary>
/// Adaptive vote allocation (order.json <c>"adaptive"</c>): after the first order's votes are in, up to
/// <see cref="Rounds"/> - 1 follow-up orders each buy <see cref="ExtraResponses"/> more votes for the matchups still
/// uncertain (<see cref="Stop"/>), never more than <see cref="MaxExtraVotes"/> extra votes in all.
/// </summary>
/// <param name="Rounds">Rounds in all, the first order included (2 = at most one follow-up).</param>
public sealed record AdaptiveSettings(int Rounds, int ExtraResponses, int MaxExtraVotes, AdaptiveStop Stop)
{
    public const int DefaultRounds = 3;
    public const int DefaultExtraResponses = 10;
    public const int DefaultMaxExtraVotes = 5_000;
    public const int MaxRounds = 10;
}

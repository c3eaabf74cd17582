using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Shared;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>Maps analysis rows to table rows and back, so tables, CSV exports and the report agree field by field.</summary>
public static class ResultRows
{
    public static MatchupResultEntity ToEntity(string runId, MatchupResult m) => new()
    {
        PartitionKey = runId,
        RowKey = TableKeys.Escape(m.MatchupId),
        MatchupId = m.MatchupId,
        Prompt = m.Prompt,
        Image1 = m.Image1,
        Image2 = m.Image2,
        Model1 = m.Model1,
        Model2 = m.Model2,
        Votes1 = m.Votes1,
        Votes2 = m.Votes2,
        BothVotes = m.BothVotes,
        NeitherVotes = m.NeitherVotes,
        Ratio = m.Ratio,
        WeightedVotes1 = m.WeightedVotes1,
        WeightedVotes2 = m.WeightedVotes2,
        Winner = m.Winner,
        WeightedWinner = m.WeightedWinner,
        WinnersDisagree = m.Disagreement,
        Tie = m.Tie,
        CiLow = m.CiLow,
        CiHigh = m.CiHigh,
    };

    public static MatchupResult FromEntity(MatchupResultEntity e) => new(
        e.MatchupId, e.Prompt ?? "", e.Image1, e.Image2, e.Model1, e.Model2, e.Votes1, e.Votes2, e.Ratio,
        e.WeightedVotes1, e.WeightedVotes2, e.Winner ?? "", e.WeightedWinner ?? "", e.CiLow ?? 0, e.CiHigh ?? 0,
        e.WinnersDisagree, e.Tie, e.BothVotes, e.NeitherVotes);

    public static ModelScoreEntity ToEntity(string runId, ModelScore m) => new()
    {
        PartitionKey = runId,
        RowKey = TableKeys.Escape(m.Model),
        Model = m.Model,
        Votes = m.Votes,
        Pairs = m.Pairs,
        PairsWon = m.PairsWon,
        PairsTied = m.PairsTied,
        WeightedVotes = m.WeightedVotes,
        WinRate = m.WinRate,
        Score = m.Score,
        ScoreLow = m.ScoreLow,
        ScoreHigh = m.ScoreHigh,
        Rank = m.Rank,
        Component = m.Component,
    };

    public static ModelScore FromEntity(ModelScoreEntity e) => new(
        e.Model, e.Votes, e.PairsWon, e.WinRate, e.Score, e.ScoreLow, e.ScoreHigh, e.Rank, e.Pairs, e.PairsTied, e.WeightedVotes, e.Component);
}

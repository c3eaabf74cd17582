using PreferenceFunctions.Pipeline.Analysis;
using PreferenceFunctions.Pipeline.Kernel;

namespace PreferenceFunctions.Pipeline.Steps.Collect;

/// <summary>Maps analysis rows to table rows and back, so tables, CSV exports and the report agree field by field.</summary>
public static class ResultRows
{
    public static MatchupResultEntity ToEntity(string runId, MatchupResult m) => new()
    {
        PartitionKey = runId,
        RowKey = TableKeys.Escape(m.Matchup.Id),
        MatchupId = m.Matchup.Id,
        Prompt = m.Matchup.Prompt,
        ShortenedPrompt = m.Matchup.ShortenedPrompt,
        Image1 = m.Matchup.Image1,
        Image2 = m.Matchup.Image2,
        Model1 = m.Matchup.Model1,
        Model2 = m.Matchup.Model2,
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

    public static MatchupResult FromEntity(MatchupResultEntity e) => new()
    {
        Matchup = new Matchup
        {
            Id = e.MatchupId, Prompt = e.Prompt ?? "", ShortenedPrompt = e.ShortenedPrompt, Image1 = e.Image1, Image2 = e.Image2,
            Model1 = e.Model1, Model2 = e.Model2,
        },
        Votes1 = e.Votes1,
        Votes2 = e.Votes2,
        Ratio = e.Ratio,
        WeightedVotes1 = e.WeightedVotes1,
        WeightedVotes2 = e.WeightedVotes2,
        Winner = e.Winner ?? "",
        WeightedWinner = e.WeightedWinner ?? "",
        CiLow = e.CiLow ?? 0,
        CiHigh = e.CiHigh ?? 0,
        Disagreement = e.WinnersDisagree,
        Tie = e.Tie,
        BothVotes = e.BothVotes,
        NeitherVotes = e.NeitherVotes,
    };

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

    public static ModelScore FromEntity(ModelScoreEntity e) => new()
    {
        Model = e.Model,
        Votes = e.Votes,
        PairsWon = e.PairsWon,
        WinRate = e.WinRate,
        Score = e.Score,
        ScoreLow = e.ScoreLow,
        ScoreHigh = e.ScoreHigh,
        Rank = e.Rank,
        Pairs = e.Pairs,
        PairsTied = e.PairsTied,
        WeightedVotes = e.WeightedVotes,
        Component = e.Component,
    };
}

namespace PreferenceFunctions.Pipeline.Steps.Rounds;

public sealed record RecordRoundsInput(string RunsContainer, RoundsLog Log);

namespace PreferenceFunctions.Emulator.State;

/// <summary>A validation set and the compare rapids added to it.</summary>
internal sealed class ValidationSetRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string OwnerId { get; init; } = Guid.NewGuid().ToString();

    public List<ValidationRapidRecord> Rapids { get; init; } = [];
}

/// <summary>One validation rapid: the asset names shown and the correct answer.</summary>
internal sealed record ValidationRapidRecord(string[] AssetFileNames, string? WinnerId, string? Context);

using System.Text.Json;
using PreferenceFunctions.Emulator.Auth;

namespace PreferenceFunctions.Emulator.State;

/// <summary>Saves the state to the persistence folder (after changes, at most every 250 ms, and on stop) and loads it on start.</summary>
/// <remarks>Writes go to a temporary file that then replaces state.json, so a crash never leaves a half-written file.</remarks>
internal sealed partial class StatePersistence(EmulatorState state, TokenStore tokens, EmulatorOptions options, ILogger<StatePersistence> logger)
    : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private long savedVersion = -1;

    public static EmulatorState Load(string? folder, TokenStore tokens)
    {
        var file = folder is null ? null : Path.Combine(folder, "state.json");
        if (file is null || !File.Exists(file))
        {
            return new EmulatorState();
        }

        using var stream = File.OpenRead(file);
        var snapshot = JsonSerializer.Deserialize<StateSnapshot>(stream, Json)
            ?? throw new InvalidOperationException($"The emulator state file {file} is empty.");
        tokens.Restore(snapshot.Tokens);
        return new EmulatorState
        {
            Assets = new(snapshot.Assets.Select(a => KeyValuePair.Create(a.FileName, a)), StringComparer.Ordinal),
            Orders = new(snapshot.Orders.Select(o => KeyValuePair.Create(o.Id, o)), StringComparer.Ordinal),
            Datasets = new(snapshot.Datasets.Select(d => KeyValuePair.Create(d.Id, d)), StringComparer.Ordinal),
            ValidationSets = new(snapshot.ValidationSets.Select(v => KeyValuePair.Create(v.Id, v)), StringComparer.Ordinal),
            JobDefinitions = new((snapshot.JobDefinitions ?? []).Select(d => KeyValuePair.Create(d.Id, d)), StringComparer.Ordinal),
            Audiences = new((snapshot.Audiences ?? []).Select(a => KeyValuePair.Create(a.Id, a)), StringComparer.Ordinal),
        };
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SaveIfChangedAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        savedVersion = state.Version;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SaveIfChangedAsync(stoppingToken);
                }
                catch (IOException exception)
                {
                    // A full or locked disk must not stop the emulator; the next tick tries again.
                    LogSaveFailed(logger, exception, options.PersistenceFolder);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the final state.
        }
    }

    private async Task SaveIfChangedAsync(CancellationToken cancellationToken)
    {
        var version = state.Version;
        if (version == savedVersion || options.PersistenceFolder is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "state.json");
        var temporary = file + ".tmp";
        var snapshot = new StateSnapshot(
            [.. state.Assets.Values],
            [.. state.Orders.Values],
            [.. state.Datasets.Values.Select(d => new DatasetRecord { Id = d.Id, OrderId = d.OrderId, Name = d.Name, Datapoints = [.. d.Ordered()] })],
            [.. state.ValidationSets.Values.Select(Copy)],
            new Dictionary<string, DateTimeOffset>(tokens.Snapshot),
            [.. state.JobDefinitions.Values],
            [.. state.Audiences.Values]);
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, snapshot, Json, cancellationToken);
        }

        File.Move(temporary, file, overwrite: true);
        savedVersion = version;
        LogSaved(logger, snapshot.Orders.Count, file);
    }

    // Rapids are appended concurrently; serialise a copy taken under their lock.
    private static ValidationSetRecord Copy(ValidationSetRecord set)
    {
        lock (set.Rapids)
        {
            return new ValidationSetRecord { Id = set.Id, Name = set.Name, CreatedAt = set.CreatedAt, OwnerId = set.OwnerId, Rapids = [.. set.Rapids] };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the emulator state to {Folder}")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, string? folder);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Saved {OrderCount} orders to {StateFile}")]
    private static partial void LogSaved(ILogger logger, int orderCount, string stateFile);
}

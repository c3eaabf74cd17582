using Microsoft.DurableTask;

namespace PreferenceFunctions.Local.Tests.Probe;

/// <summary>An activity that outlasts the message visibility timeout it is tested with. Each start leaves a file in
/// <see cref="LongActivityInput.Folder"/>, so the test counts how often it ran.</summary>
public sealed class ProbeLongActivity : TaskActivity<LongActivityInput, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, LongActivityInput input)
    {
        await File.WriteAllTextAsync(Path.Combine(input.Folder, $"{Environment.ProcessId}-{Guid.NewGuid():N}"), DateTime.UtcNow.ToString("O"));
        await Task.Delay(TimeSpan.FromSeconds(input.Seconds));
        return $"long@{Environment.ProcessId}";
    }
}

public sealed record LongActivityInput(string Folder, int Seconds);

/// <summary>Runs <see cref="ProbeLongActivity"/> once.</summary>
public sealed class ProbeLongActivityOrchestrator : TaskOrchestrator<LongActivityInput, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, LongActivityInput input) =>
        context.CallActivityAsync<string>(nameof(ProbeLongActivity), input);
}

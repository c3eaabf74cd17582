using Microsoft.DurableTask;

namespace PreferenceFunctions.Tests.Runs;

/// <summary>The context an activity gets when a test calls it directly (as a retry after a crash would run it).</summary>
public sealed class TestActivityContext(string name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;
    public override string InstanceId { get; } = instanceId;
}

using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PreferenceFunctions.Functions;
using PreferenceFunctions.Pipeline.Runs;

namespace PreferenceFunctions.Tests.Functions;

/// <summary>The hand-written shims must register every orchestrator and activity of the Pipeline under its class name.</summary>
public sealed class DurableShimsTests
{
    [Fact]
    public void Shims_EveryTaskClassOfThePipeline_HasAFunctionOfTheSameName()
    {
        var tasks = typeof(PreferenceRunOrchestrator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(ITaskActivity).IsAssignableFrom(t) || typeof(ITaskOrchestrator).IsAssignableFrom(t)))
            .Select(t => t.Name)
            .Order()
            .ToList();
        var functions = typeof(DurableShims).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order()
            .ToList();

        Assert.Equal(11, tasks.Count);
        Assert.Equal(tasks, functions);
    }
}

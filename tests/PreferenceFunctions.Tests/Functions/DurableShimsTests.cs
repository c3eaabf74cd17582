using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PreferenceFunctions.Functions;
using PreferenceFunctions.Pipeline.Hosting;
using PreferenceFunctions.Pipeline.Runs;

namespace PreferenceFunctions.Tests.Functions;

/// <summary>
/// <see cref="PreferenceTasks"/> is the one list of tasks: it must hold every task class of the Pipeline, the Functions
/// app must have a shim of the same name for each, and DI must be able to create each activity.
/// </summary>
public sealed class DurableShimsTests
{
    private static readonly List<Type> Listed = [.. PreferenceTasks.Orchestrators, .. PreferenceTasks.Activities];

    [Fact]
    public void PreferenceTasks_EveryTaskClassOfThePipeline_IsListed()
    {
        var tasks = typeof(PreferenceRunOrchestrator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (typeof(ITaskActivity).IsAssignableFrom(t) || typeof(ITaskOrchestrator).IsAssignableFrom(t)))
            .Where(t => t != typeof(TracedTaskActivity)) // the wrapper every activity runs in, not a task
            .OrderBy(t => t.Name)
            .ToList();

        Assert.Equal(22, tasks.Count);
        Assert.Equal(tasks, Listed.OrderBy(t => t.Name));
    }

    [Fact]
    public void Shims_EveryListedTask_HasAFunctionOfTheSameName()
    {
        var functions = typeof(DurableShims).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order()
            .ToList();

        Assert.Equal(Listed.Select(t => t.Name).Order(), functions);
    }

    [Fact]
    public void AddPreferencePipeline_EveryListedActivity_IsRegisteredTransient()
    {
        var services = new ServiceCollection().AddPreferencePipeline(new ConfigurationBuilder().Build());

        foreach (var activity in PreferenceTasks.Activities)
            Assert.Contains(services, d => d.ServiceType == activity && d.Lifetime == ServiceLifetime.Transient);
    }
}

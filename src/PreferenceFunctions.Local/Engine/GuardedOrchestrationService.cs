using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using DurableTask.Core;
using DurableTask.Core.History;

namespace PreferenceFunctions.Local.Engine;

/// <summary>
/// The orchestration service as the sidecar's dispatcher sees it, safe to stop before it started. The sidecar starts the
/// service once the worker connects and stops it when the host stops; a host stopped within its first second would
/// otherwise call the Azure Storage provider's StopAsync unstarted, which throws on a thread-pool thread and ends the
/// process. (The provider class is sealed, hence a proxy rather than a subclass.)
/// It also gives the provider plain dictionaries for tags: the sidecar passes a sub-orchestration's tags on as the gRPC
/// message's own map type, which the provider writes with its type name into the child's start message and then cannot
/// read back, so every sub-orchestration (an adaptive run's rounds) would never start. And it records a started
/// sub-orchestration in the parent's history as the plain event: the sidecar's subclass of it is written to the history
/// table without an event type, so a host restarted after that could never load the parent's history again.
/// And it keeps a running activity's queue message invisible until the activity ends: the sidecar's dispatcher never renews
/// it (the Functions host's does), so an activity longer than <c>Local:MessageVisibilityTimeout</c> was handed out again and
/// ran twice at once, in a second host or after a restart of this one: an upload chunk paid twice.
/// </summary>
public class GuardedOrchestrationService : DispatchProxy
{
    /// <summary>The shortest wait between two renewals of an activity's message.</summary>
    private static readonly TimeSpan MinRenewWait = TimeSpan.FromSeconds(1);

    private IOrchestrationService _inner = null!;
    private Task? _start;

    // Running activities by work item id: cancelled when the activity completes or is abandoned, or the engine stops.
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _renewals = new(StringComparer.Ordinal);

    public static IOrchestrationService Wrap(IOrchestrationService inner)
    {
        var proxy = Create<IOrchestrationService, GuardedOrchestrationService>();
        ((GuardedOrchestrationService)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        switch (targetMethod.Name)
        {
            case nameof(IOrchestrationService.StartAsync):
                var start = _inner.StartAsync();
                Volatile.Write(ref _start, start);
                return start;
            case nameof(IOrchestrationService.StopAsync):
                foreach (var id in _renewals.Keys) EndRenewal(id);
                return StopIfStartedAsync(args is [bool forced] && forced);
            case nameof(IOrchestrationService.LockNextTaskActivityWorkItem):
                return RenewWhileRunningAsync((Task<TaskActivityWorkItem>)Forward(targetMethod, args)!);
            case nameof(IOrchestrationService.CompleteTaskActivityWorkItemAsync):
            case nameof(IOrchestrationService.AbandonTaskActivityWorkItemAsync):
                if (args?[0] is TaskActivityWorkItem ended) EndRenewal(ended.Id);
                break;
            case nameof(IOrchestrationService.CompleteTaskOrchestrationWorkItemAsync):
                PlainTags(args);
                if (args?[1] is OrchestrationRuntimeState runtimeState) PlainSubOrchestrationEvents(runtimeState);
                break;
        }
        return Forward(targetMethod, args);
    }

    private object? Forward(MethodInfo targetMethod, object?[]? args)
    {
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    /// <summary>Hands the locked activity on and renews its message until it completes or is abandoned.</summary>
    private async Task<TaskActivityWorkItem> RenewWhileRunningAsync(Task<TaskActivityWorkItem> locking)
    {
        var workItem = await locking;
        if (workItem is null) return workItem!;
        var running = new CancellationTokenSource();
        if (_renewals.TryAdd(workItem.Id, running)) _ = RenewUntilEndedAsync(workItem, running);
        else running.Dispose();
        return workItem;
    }

    /// <summary>Renews when half of the lock is left, the way the Functions host's dispatcher does; a failed renewal (a
    /// storage hiccup) is tried again until the lock runs out.</summary>
    private async Task RenewUntilEndedAsync(TaskActivityWorkItem workItem, CancellationTokenSource running)
    {
        var ended = running.Token;
        try
        {
            while (workItem.LockedUntilUtc > DateTime.UtcNow)
            {
                var half = (workItem.LockedUntilUtc - DateTime.UtcNow) / 2;
                await Task.Delay(half > MinRenewWait ? half : MinRenewWait, ended);
                try
                {
                    workItem = await _inner.RenewTaskActivityWorkItemLockAsync(workItem);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The lock may still hold: the loop tries again after the next wait, while it does.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The activity ended, or the engine is stopping.
        }
        finally
        {
            // The lock ran out: nothing to renew any more (when the activity ended, EndRenewal has already removed it).
            if (_renewals.TryRemove(new KeyValuePair<string, CancellationTokenSource>(workItem.Id, running))) running.Dispose();
        }
    }

    private void EndRenewal(string workItemId)
    {
        if (!_renewals.TryRemove(workItemId, out var running)) return;
        running.Cancel();
        running.Dispose();
    }

    /// <summary>Replaces tags of any other dictionary type (the sidecar's protobuf map) in the new history and in the
    /// messages about to be sent with <see cref="Dictionary{TKey, TValue}"/>, the type the provider reads back.</summary>
    private static void PlainTags(object?[]? args)
    {
        foreach (var arg in args ?? [])
        {
            var events = arg switch
            {
                OrchestrationRuntimeState state => state.NewEvents,
                IEnumerable<TaskMessage> messages => messages.Select(m => m.Event),
                TaskMessage message => [message.Event],
                _ => [],
            };
            foreach (var historyEvent in events)
            {
                switch (historyEvent)
                {
                    case ExecutionStartedEvent { Tags: { } tags } started when tags is not Dictionary<string, string>:
                        started.Tags = new Dictionary<string, string>(tags);
                        break;
                    case SubOrchestrationInstanceCreatedEvent { Tags: { } tags } created when tags is not Dictionary<string, string>:
                        created.Tags = new Dictionary<string, string>(tags);
                        break;
                    case TaskScheduledEvent { Tags: { } tags } scheduled when tags is not Dictionary<string, string>:
                        scheduled.Tags = new Dictionary<string, string>(tags);
                        break;
                }
            }
        }
    }

    private static void PlainSubOrchestrationEvents(OrchestrationRuntimeState state)
    {
        foreach (var events in new[] { state.Events, state.NewEvents })
            for (var i = 0; i < events.Count; i++)
                if (events[i] is SubOrchestrationInstanceCreatedEvent created
                    && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
                    events[i] = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                    {
                        Timestamp = created.Timestamp, IsPlayed = created.IsPlayed, Name = created.Name, Version = created.Version,
                        InstanceId = created.InstanceId, Input = created.Input, Tags = created.Tags,
                    };
    }

    /// <summary>How long stopping may wait for the engine to release its leases before the host goes on shutting down.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private async Task StopIfStartedAsync(bool isForced)
    {
        var start = Volatile.Read(ref _start);
        if (start is null) return;
        try
        {
            await start;
        }
        catch (Exception) when (!start.IsCompletedSuccessfully)
        {
            return; // it never started, so there is nothing to stop
        }
        // Bounded: when storage has gone away (a demo's own Azurite stopped first, an outage) the engine waits 10 minutes
        // for its partition manager and then throws on a thread-pool callback of the host's shutdown, which ends the process.
        var stop = _inner.StopAsync(isForced);
        _ = stop.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        await Task.WhenAny(stop, Task.Delay(StopTimeout));
    }
}

using System.Reflection;
using System.Runtime.ExceptionServices;
using DurableTask.Core;

namespace PreferenceFunctions.Local.Engine;

/// <summary>
/// The orchestration service as the sidecar's dispatcher sees it, safe to stop before it started. The sidecar starts the
/// service once the worker connects and stops it when the host stops; a host stopped within its first second would
/// otherwise call the Azure Storage provider's StopAsync unstarted, which throws on a thread-pool thread and ends the
/// process. (The provider class is sealed, hence a proxy rather than a subclass.)
/// </summary>
public class GuardedOrchestrationService : DispatchProxy
{
    private IOrchestrationService _inner = null!;
    private Task? _start;

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
                return StopIfStartedAsync(args is [bool forced] && forced);
        }
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
        await _inner.StopAsync(isForced);
    }
}

using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Orders;

/// <summary>The client-driven transitions (preview, submit, pause, resume, delete, retry, approve) and the admin complete.
/// Each returns null when it applied, else why the order's state does not allow it.</summary>
internal sealed class OrderCommands(EmulatorState state, EmulatorOptions options, OrderLifecycle lifecycle)
{
    public string? Preview(OrderRecord order) => Apply(order, [OrderStates.Created, OrderStates.Preview], o => o.State = OrderStates.Preview);

    public string? Submit(OrderRecord order)
    {
        if (state.Datasets[order.DatasetId].Count == 0)
        {
            return "The order's dataset has no datapoints; add datapoints before submitting.";
        }

        return Apply(order, [OrderStates.Created, OrderStates.Preview], o =>
        {
            o.State = OrderStates.Submitted;
            o.SubmittedAt = lifecycle.Now;
            o.PlannedVotes = null; // the dataset is now locked; plan its votes from the final content
        });
    }

    public string? Pause(OrderRecord order) =>
        Apply(order, [OrderStates.Submitted, OrderStates.Queued, OrderStates.Processing], o =>
        {
            lifecycle.StopClock(o);
            o.PausedFrom = o.State;
            o.State = OrderStates.Paused;
        });

    public string? Resume(OrderRecord order) =>
        Apply(order, [OrderStates.Paused, .. order.IsJob ? new[] { OrderStates.SpendLimited } : []], o =>
        {
            if (o.PausedFrom == OrderStates.Submitted)
            {
                o.State = OrderStates.Submitted;
                o.SubmittedAt = lifecycle.Now;
            }
            else
            {
                lifecycle.StartProcessing(o, lifecycle.Now);
            }

            o.PausedFrom = null;
        });

    /// <summary>The order and its dataset are gone from the API (404, not listed) and the crowd stops; the record stays,
    /// Cancelled, for the admin API and <see cref="RapidataEmulatorHost.GetOrderState"/>.</summary>
    public string? Delete(OrderRecord order) => Apply(order, null, o =>
    {
        lifecycle.StopClock(o);
        o.State = OrderStates.Cancelled;
    });

    /// <summary>StaleResults: regenerate the results (Completed again). Failed: run the order again from review.</summary>
    public string? Retry(OrderRecord order) =>
        Apply(order, [OrderStates.StaleResults, OrderStates.Failed], o =>
        {
            if (o.State == OrderStates.StaleResults)
            {
                o.State = OrderStates.Completed;
                o.CompletedAt = lifecycle.Now;
                return;
            }

            o.FailureMessage = null;
            o.State = OrderStates.Submitted;
            o.SubmittedAt = lifecycle.Now;
        });

    public string? Approve(OrderRecord order) =>
        Apply(order, [OrderStates.Submitted, OrderStates.ManualReview], o => lifecycle.StartProcessing(o, lifecycle.Now));

    /// <summary>Admin: every vote arrives now and the order completes at once.</summary>
    public string? Complete(OrderRecord order) =>
        Apply(order, null, o =>
        {
            lifecycle.StopClock(o);
            o.AllVotesCollected = true;
            o.FailureMessage = null;
            o.State = OrderStates.Completed;
            o.CompletedAt = lifecycle.Now;
        });

    /// <summary>Checks the order can hand out its results; injects the StaleResults fault on the first download.</summary>
    public string? BeginDownload(OrderRecord order)
    {
        const string Stale = "The stored results are stale (StaleResults); POST /order/{orderId}/retry regenerates them.";
        lifecycle.Refresh(order);
        if (order.State == OrderStates.StaleResults)
        {
            return Stale;
        }

        var error = Apply(order, [OrderStates.Completed], o =>
        {
            if (options.Faults.StaleResultsOnFirstDownload && !o.StaleResultsServed)
            {
                o.StaleResultsServed = true;
                o.State = OrderStates.StaleResults;
            }
        });
        return error ?? (order.State == OrderStates.StaleResults ? Stale : null);
    }

    private string? Apply(OrderRecord order, string[]? allowed, Action<OrderRecord> change)
    {
        lifecycle.Refresh(order);
        lock (order.Sync)
        {
            if (order.State == OrderStates.Cancelled || (allowed is not null && !allowed.Contains(order.State)))
            {
                return $"The order is {order.State}; this needs {(allowed is null ? "an order that is not Cancelled" : string.Join(" or ", allowed))}.";
            }

            change(order);
            state.Changed();
            return null;
        }
    }
}

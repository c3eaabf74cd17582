using PreferenceFunctions.Emulator.Crowd;
using PreferenceFunctions.Emulator.State;

namespace PreferenceFunctions.Emulator.Orders;

/// <summary>The order state machine. Time-driven steps (review, vote collection, completion) are applied lazily whenever
/// an order is read, from the elapsed time; there is no background loop.</summary>
internal sealed class OrderLifecycle(EmulatorState state, EmulatorOptions options, CrowdSimulator crowd, TimeProvider clock)
{
    /// <summary>Applies every time-driven step that is due and returns the order.</summary>
    public OrderRecord Refresh(OrderRecord order, bool followPreceding = true)
    {
        if (followPreceding && order.PrecedingOrderId is { } precedingId && state.FindOrder(precedingId) is { } preceding)
        {
            Refresh(preceding, followPreceding: false);
        }

        lock (order.Sync)
        {
            var now = clock.GetUtcNow();
            var before = order.State;
            if (order.State == OrderStates.Submitted && order.SubmittedAt is { } submittedAt && submittedAt + options.Crowd.ReviewDelay <= now)
            {
                var reviewedAt = submittedAt + options.Crowd.ReviewDelay;
                switch (options.Faults.Outcome)
                {
                    case OrderOutcome.ManualReview: order.State = OrderStates.ManualReview; break;
                    case OrderOutcome.Failed: Fail(order); break;
                    case OrderOutcome.SpendLimited when order.IsJob: order.State = OrderStates.SpendLimited; break;
                    default: StartProcessing(order, reviewedAt); break;
                }
            }

            if (order.State == OrderStates.Queued)
            {
                StartProcessing(order, now);
            }

            if (order.State == OrderStates.Processing && CollectedVotes(order, now) >= TotalVotes(order))
            {
                order.State = OrderStates.Completed;
                order.CompletedAt = CompletionTime(order, now);
                order.ProcessedSeconds = Elapsed(order, order.CompletedAt.Value);
                order.ProcessingSince = null;
            }

            if (order.State != before)
            {
                state.Changed();
            }

            return order;
        }
    }

    /// <summary>Votes the order will have once complete.</summary>
    public long TotalVotes(OrderRecord order)
    {
        lock (order.Sync)
        {
            order.PlannedVotes ??= crowd.PlanVotes(order, state.Datasets[order.DatasetId].Ordered());
            return order.PlannedVotes.Sum(v => (long)v);
        }
    }

    /// <summary>Votes "arrived" by now: elapsed processing time times the crowd's rate.</summary>
    public long CollectedVotes(OrderRecord order, DateTimeOffset now)
    {
        var total = TotalVotes(order);
        var rate = options.Crowd.VotesPerSecond;
        if (order.AllVotesCollected || rate <= 0 || order.State is OrderStates.Completed or OrderStates.StaleResults)
        {
            return total;
        }

        return Math.Min(total, (long)Math.Floor(Elapsed(order, now) * rate));
    }

    /// <summary>Datapoints whose planned votes have all arrived by <paramref name="now"/>: the crowd works through the
    /// datapoints in their stable order, so the count grows from 0 to all of them while votes arrive.</summary>
    public int CompletedDatapoints(OrderRecord order, DateTimeOffset now)
    {
        if (order.SubmittedAt is null)
        {
            return 0;
        }

        var collected = CollectedVotes(order, now);
        int[] planned;
        lock (order.Sync)
        {
            TotalVotes(order);
            planned = order.PlannedVotes!;
        }

        var done = 0;
        long votes = 0;
        foreach (var datapointVotes in planned)
        {
            votes += datapointVotes;
            if (votes > collected)
            {
                break;
            }

            done++;
        }

        return done;
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    internal void StartProcessing(OrderRecord order, DateTimeOffset at)
    {
        // A deleted preceding order no longer holds its follower back.
        if (order.PrecedingOrderId is { } precedingId && state.FindOrder(precedingId) is { } preceding
            && preceding.State != OrderStates.Completed)
        {
            order.State = OrderStates.Queued;
            return;
        }

        order.State = OrderStates.Processing;
        order.ProcessingSince = at;
    }

    internal void StopClock(OrderRecord order)
    {
        order.ProcessedSeconds = Elapsed(order, Now);
        order.ProcessingSince = null;
    }

    internal void Fail(OrderRecord order)
    {
        order.State = OrderStates.Failed;
        order.FailureMessage = options.Faults.FailureMessage;
    }

    private static double Elapsed(OrderRecord order, DateTimeOffset now) =>
        order.ProcessedSeconds + (order.ProcessingSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0);

    private DateTimeOffset CompletionTime(OrderRecord order, DateTimeOffset now)
    {
        var rate = options.Crowd.VotesPerSecond;
        if (order.AllVotesCollected || rate <= 0 || order.ProcessingSince is not { } since)
        {
            return now;
        }

        var remaining = Math.Max(0, (TotalVotes(order) / rate) - order.ProcessedSeconds);
        var done = since + TimeSpan.FromSeconds(remaining);
        return done < now ? done : now;
    }
}

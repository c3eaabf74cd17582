using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class BatchHandOffTests
{
    [Fact]
    public void Hand_ManyBatches_AppliedInOrderWithAtMostFourBatchesMade()
    {
        var (made, applied) = (0, new List<int>());
        using var handOff = new BatchHandOff<int[]>(() => { made++; return new int[1]; }, batch => applied.Add(batch[0]));

        for (var i = 0; i < 200; i++)
        {
            var batch = handOff.Rent();
            batch[0] = i;
            handOff.Hand(batch);
        }
        var last = handOff.Rent();
        last[0] = 200;
        handOff.Finish(last);

        Assert.Equal(Enumerable.Range(0, 201), applied);
        Assert.InRange(made, 1, 4); // two waiting, one being applied, one being filled
    }

    [Fact]
    public void Hand_ApplyFails_CallerGetsTheExceptionInsteadOfWaitingForever()
    {
        using var handOff = new BatchHandOff<int[]>(() => new int[1], batch => throw new InvalidOperationException($"bad batch {batch[0]}"));

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            for (var i = 0; i < 10; i++) handOff.Hand([i]);
        });

        Assert.Equal("bad batch 0", error.Message);
    }

    [Fact]
    public void Finish_OnlyBatch_AppliedOnTheCallersThread()
    {
        var thread = 0;
        using var handOff = new BatchHandOff<int[]>(() => new int[1], _ => thread = Environment.CurrentManagedThreadId);

        handOff.Finish(handOff.Rent());

        Assert.Equal(Environment.CurrentManagedThreadId, thread);
    }
}

using PreferenceFunctions.Pipeline.Steps.Stage.Validation;

namespace PreferenceFunctions.Pipeline.Tests.Steps.Stage;

public sealed class RowKeySetTests
{
    [Fact]
    public void TryAdd_ManyKeysThroughGrowthAndRoomMadeAhead_FindsEachKeysFirstRow()
    {
        var set = new RowKeySet();
        var keys = Enumerable.Range(0, 5_000).Select(i => new UInt128((ulong)i * 7919, (ulong)i * 104729)).ToArray();

        for (var i = 0; i < 3_000; i++) Assert.True(set.TryAdd(keys[i], i + 2, out _));
        set.EnsureRoomFor(2_000);
        for (var i = 3_000; i < keys.Length; i++) Assert.True(set.TryAdd(keys[i], i + 2, out _));

        Assert.All(Enumerable.Range(0, keys.Length), i =>
        {
            Assert.False(set.TryAdd(keys[i], 99_999, out var firstRow));
            Assert.Equal(i + 2, firstRow);
        });
    }

    [Fact]
    public void MatchupKey_ImagesInEitherOrder_SameKey_OtherPairOrPrompt_OtherKey()
    {
        var prompt = TextHash.Of("a fox");

        Assert.Equal(RowKeySet.MatchupKey(prompt, 3, 7), RowKeySet.MatchupKey(prompt, 7, 3));
        Assert.NotEqual(RowKeySet.MatchupKey(prompt, 3, 7), RowKeySet.MatchupKey(prompt, 3, 8));
        Assert.NotEqual(RowKeySet.MatchupKey(prompt, -1, 7), RowKeySet.MatchupKey(prompt, 7, 7));
        Assert.NotEqual(RowKeySet.MatchupKey(prompt, 3, 7), RowKeySet.MatchupKey(TextHash.Of("a cat"), 3, 7));
    }

    [Fact]
    public void TryAdd_KeysDifferingInOneBitOfTheHeldBits_AreDifferentKeys()
    {
        var set = new RowKeySet();
        var key = new UInt128(0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210);

        Assert.True(set.TryAdd(key, 2, out _));
        Assert.True(set.TryAdd(key ^ ((UInt128)1 << 63), 3, out _)); // the low half's top bit: a ulong key is held whole
        Assert.True(set.TryAdd(key ^ ((UInt128)1 << 64), 4, out _)); // the high half's lowest bit
        Assert.True(set.TryAdd(key ^ ((UInt128)1 << 95), 5, out _)); // the last bit held
        Assert.True(set.TryAdd((ulong)key, 6, out _)); // a 64-bit key (derived ids) beside a 128-bit one
        Assert.False(set.TryAdd(key, 7, out var firstRow));
        Assert.Equal(2, firstRow);
    }

    [Fact]
    public void TryAdd_TableSizedForAMillionKeys_InHugePages_StartsEmptyAndFindsEachKeysFirstRow()
    {
        var set = new RowKeySet();
        set.EnsureRoomFor(1_000_000); // 2^21 slots of 16 bytes: a large table (LargeTable), advised as huge pages on Linux
        var keys = Enumerable.Range(0, 200_000).Select(i => new UInt128((ulong)i * 0x9E3779B97F4A7C15, (ulong)i)).ToArray();

        for (var i = 0; i < keys.Length; i++) Assert.True(set.TryAdd(keys[i], i + 2, out _));

        for (var i = 0; i < keys.Length; i += 997)
        {
            Assert.False(set.TryAdd(keys[i], 99_999, out var firstRow));
            Assert.Equal(i + 2, firstRow);
        }
    }

    [Fact]
    public void LargeTable_Allocate_ReusedMemory_IsZeroed()
    {
        for (var round = 0; round < 3; round++)
        {
            var table = LargeTable.Allocate<long>(1 << 20); // 8 MiB: over the huge-page threshold
            Assert.Equal(1 << 20, table.Length);
            Assert.True(table.AsSpan().IndexOfAnyExcept(0L) < 0, $"round {round}: the table is not zeroed");
            table.AsSpan().Fill(-1);
            GC.Collect();
        }
        Assert.Equal(new int[16], LargeTable.Allocate<int>(16)); // a small table is an ordinary array
    }
}

using PreferenceFunctions.Pipeline.Analysis;

namespace PreferenceFunctions.Pipeline.Tests.Analysis;

public sealed class WilsonIntervalTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (score, no correction).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void For_PublishedExamples_MatchToFourDecimals(int successes, int trials, double low, double high)
    {
        var interval = WilsonInterval.For(successes, trials);

        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    [Fact]
    public void For_NoTrials_IsTheWholeRange()
    {
        Assert.Equal((0.0, 1.0), WilsonInterval.For(0, 0));
    }

    [Fact]
    public void For_MoreSuccessesThanTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.For(3, 2));
    }
}

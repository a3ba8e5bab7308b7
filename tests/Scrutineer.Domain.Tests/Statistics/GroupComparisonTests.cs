using Scrutineer.Domain.Statistics;

namespace Scrutineer.Domain.Tests.Statistics;

public sealed class GroupComparisonTests
{
    // Exact values: 2 × the smaller tail of Binomial(n, t / (t + u)), computed in rational arithmetic (Python fractions).
    [Theory]
    [InlineData(10, 1, 20, 1, 0.09873714670538902)]
    [InlineData(5, 1, 25, 2, 0.07090834363259801)]
    [InlineData(20, 1, 10, 3, 3.641286723660847e-06)]
    [InlineData(400, 1, 1100, 3, 0.14553018386686126)]
    public void TwoSidedPValue_KnownCases_MatchExactBinomial(long count, double exposure, long groupCount, double groupExposure, double expected)
    {
        Assert.Equal(expected, GroupComparison.TwoSidedPValue(count, exposure, groupCount, groupExposure), 1e-7);
    }

    [Fact]
    public void Of_EqualExposuresAndCounts_SameAsCountComparison()
    {
        Assert.Equal(CountComparison.TwoSidedPValue(37, 52), GroupComparison.TwoSidedPValue(37, 1, 52, 1), 1e-12);
    }

    [Fact]
    public void Verdict_ForceWellAboveItsPeers_SignificantlyHigher()
    {
        var c = GroupComparison.Of(5292, 1, 10389, 3);

        Assert.True(c.Significant);
        Assert.Equal("significantly higher than the peer average", c.Verdict);
    }

    [Fact]
    public void Verdict_ForceBelowOnPopulation_SignificantlyLower()
    {
        // 500 crimes in 1,000,000 people against 3,000 in 2,000,000: 0.5 against 1.5 per 1,000.
        var c = GroupComparison.Of(500, 1_000_000, 3000, 2_000_000);

        Assert.Equal("significantly lower than the peer average", c.Verdict);
    }

    [Fact]
    public void Verdict_CountNearTheAverage_NotSignificant()
    {
        Assert.Equal("not significantly different from the peer average", GroupComparison.Of(100, 1, 310, 3).Verdict);
    }

    [Fact]
    public void Of_ZeroExposure_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupComparison.Of(1, 0, 1, 1));
    }
}

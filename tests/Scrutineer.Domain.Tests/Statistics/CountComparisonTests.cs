using Scrutineer.Domain.Statistics;

namespace Scrutineer.Domain.Tests.Statistics;

public sealed class CountComparisonTests
{
    // Reference p-values from the conditional exact binomial test (R: binom.test(min, n, 0.5)$p.value, equal exposure).
    [Theory]
    [InlineData(10, 20, 0.09873715)]
    [InlineData(20, 10, 0.09873715)]
    [InlineData(5, 15, 0.04138947)]
    [InlineData(0, 6, 0.03125)]
    [InlineData(3, 3, 1.0)]
    public void PValue_MatchesExactBinomial(long previous, long latest, double expected) =>
        Assert.Equal(expected, CountComparison.Of(previous, latest).PValue, 6);

    [Fact]
    public void PValue_LargeCounts_IncompleteBetaAgreesWithDirectSum()
    {
        // n = 1000 goes through the direct sum, n = 1002 through the incomplete beta: the two must agree closely.
        var direct = CountComparison.Of(470, 530).PValue;
        var beta = CountComparison.Of(471, 531).PValue;
        Assert.InRange(direct, 0.055, 0.065);
        Assert.InRange(beta, direct * 0.9, direct * 1.1);
    }

    [Fact]
    public void Of_HateCrimeExample_SignificantIncrease()
    {
        var c = CountComparison.Of(3291, 4177);

        Assert.Equal(886, c.Difference);
        Assert.True(c.Significant);
        Assert.True(c.PValue < 1e-10);
        Assert.Equal(ChangeDirection.Increase, c.Direction);
        Assert.Equal("significant increase", c.Verdict);
    }

    [Fact]
    public void Of_SmallBase_Flagged()
    {
        var c = CountComparison.Of(4, 9);

        Assert.True(c.SmallBase);
        Assert.False(c.Significant);
        Assert.Equal("no significant change (small base)", c.Verdict);
    }

    [Fact]
    public void Of_NegativeCount_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => CountComparison.Of(-1, 3));
}

using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Domain.Tests.Statistics;

public sealed class XmrChartTests
{
    private static readonly ReportingMonth Start = new(2022, 1);

    private static List<(ReportingMonth, decimal)> Series(params decimal[] values) =>
        values.Select((v, i) => (Start.Plus(i), v)).ToList();

    [Fact]
    public void Build_ComputesMeanAndLimitsFromMovingRanges()
    {
        var chart = XmrChart.Build(Series(10, 12, 11, 13, 12), BetterDirection.Lower);

        Assert.Equal(11.6m, chart.Mean);
        Assert.Equal(1.5m, chart.MeanMovingRange); // (2 + 1 + 2 + 1) / 4
        Assert.Equal(11.6m + (2.66m * 1.5m), chart.UpperLimit);
        Assert.Equal(11.6m - (2.66m * 1.5m), chart.LowerLimit);
        Assert.All(chart.Points, p => Assert.Equal(SpcVariation.CommonCause, p.Variation));
    }

    [Fact]
    public void Build_PointAboveUpperLimit_ConcernWhenLowerIsBetter()
    {
        var values = Enumerable.Repeat(0, 19).Select((_, i) => i % 2 == 0 ? 100m : 102m).Append(160m).ToArray();

        var chart = XmrChart.Build(Series(values), BetterDirection.Lower);

        Assert.Equal(SpcRules.BeyondLimit, chart.Points[^1].Rules & SpcRules.BeyondLimit);
        Assert.Equal(SpcVariation.Concern, chart.LatestVariation);
        Assert.Equal(SpcVariation.Improvement, XmrChart.Build(Series(values), BetterDirection.Higher).LatestVariation);
        Assert.Equal(SpcVariation.Neutral, XmrChart.Build(Series(values), BetterDirection.Neither).LatestVariation);
    }

    [Fact]
    public void Build_SevenBelowMean_ShiftOnAllSeven_SixIsNotEnough()
    {
        var seven = XmrChart.Build(Series(20, 22, 21, 23, 22, 20, 21, 10, 11, 10, 12, 11, 10, 11), BetterDirection.Lower);
        Assert.All(seven.Points.Skip(7), p => Assert.True(p.Rules.HasFlag(SpcRules.Shift)));
        Assert.All(seven.Points.Skip(7), p => Assert.False(p.High));
        Assert.Equal(SpcVariation.Improvement, seven.LatestVariation);

        var six = XmrChart.Build(Series(20, 22, 21, 10, 11, 10, 12, 11, 10, 21, 22), BetterDirection.Lower);
        Assert.DoesNotContain(six.Points, p => p.Rules.HasFlag(SpcRules.Shift));
    }

    [Fact]
    public void Build_SevenRisingPoints_Trend_EqualNeighbourBreaksIt()
    {
        var rising = XmrChart.Build(Series(50, 49, 51, 50, 40, 42, 44, 46, 48, 50, 52, 51), BetterDirection.Higher);
        Assert.Equal(7, rising.Points.Count(p => p.Rules.HasFlag(SpcRules.Trend)));
        Assert.True(rising.Points[4].Rules.HasFlag(SpcRules.Trend));
        Assert.True(rising.Points[10].Rules.HasFlag(SpcRules.Trend));

        var broken = XmrChart.Build(Series(50, 49, 51, 50, 40, 42, 44, 44, 48, 50, 52, 51), BetterDirection.Higher);
        Assert.DoesNotContain(broken.Points, p => p.Rules.HasFlag(SpcRules.Trend));
    }

    [Fact]
    public void Build_TwoOfThreeBeyondTwoSigma_MarksThoseBeyond()
    {
        // Mean about 100, mean moving range 2 → 2-sigma line about 103.5, limit about 105.3.
        var chart = XmrChart.Build(Series(100, 102, 100, 102, 100, 102, 100, 102, 100, 104.5m, 101, 104.5m, 100, 102), BetterDirection.Lower, baselinePoints: 9);

        Assert.True(chart.Points[9].Rules.HasFlag(SpcRules.TwoOfThreeBeyondTwoSigma));
        Assert.True(chart.Points[11].Rules.HasFlag(SpcRules.TwoOfThreeBeyondTwoSigma));
        Assert.False(chart.Points[10].Rules.HasFlag(SpcRules.TwoOfThreeBeyondTwoSigma));
        Assert.Equal(SpcVariation.Concern, chart.Points[11].Variation);
    }

    [Fact]
    public void Build_FixedBaseline_LimitsFromFirstPointsOnly()
    {
        var chart = XmrChart.Build(Series(10, 12, 10, 12, 30, 32, 30), BetterDirection.Lower, baselinePoints: 4);

        Assert.Equal(11m, chart.Mean);
        Assert.Equal(2m, chart.MeanMovingRange);
        Assert.Equal(4, chart.Points.Count(p => p.InBaseline));
        Assert.True(chart.Points[4].Rules.HasFlag(SpcRules.BeyondLimit));
    }

    [Theory]
    [InlineData(BetterDirection.Higher, 5, SpcAssurance.ConsistentlyPass)]
    [InlineData(BetterDirection.Higher, 20, SpcAssurance.ConsistentlyFail)]
    [InlineData(BetterDirection.Higher, 11, SpcAssurance.HitAndMiss)]
    [InlineData(BetterDirection.Lower, 5, SpcAssurance.ConsistentlyFail)]
    [InlineData(BetterDirection.Lower, 20, SpcAssurance.ConsistentlyPass)]
    [InlineData(BetterDirection.Neither, 20, SpcAssurance.NotApplicable)]
    public void Assurance_AgainstTarget(BetterDirection better, int target, SpcAssurance expected)
    {
        // Mean 11, mean moving range 1: limits 8.34 to 13.66.
        var chart = XmrChart.Build(Series(10, 11, 12, 11, 10, 11, 12, 11, 10), better, target);

        Assert.Equal(expected, chart.Assurance);
    }

    [Fact]
    public void Build_GapInMonths_Throws() =>
        Assert.Throws<DomainException>(() => XmrChart.Build([(Start, 1m), (Start.Plus(2), 2m)], BetterDirection.Lower));

    [Fact]
    public void Build_OnePoint_Throws() =>
        Assert.Throws<DomainException>(() => XmrChart.Build(Series(1), BetterDirection.Lower));
}

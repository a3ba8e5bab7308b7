using Scrutineer.Domain.Reports;

namespace Scrutineer.Domain.Tests.Reports;

public sealed class ChartAxisTests
{
    [Theory]
    // An SPC chart of counts between its limits (150 and 290): fitted, not from zero.
    [InlineData(new double[] { 150, 180, 220, 260, 290 }, false, 100, 300, 50)]
    // Rates: fitted with round decimal ticks.
    [InlineData(new double[] { 0.21, 0.25, 0.29 }, false, 0.2, 0.3, 0.02)]
    // A flat series still gets a range around it.
    [InlineData(new double[] { 50, 50, 50 }, false, 47, 53, 1)]
    // A lower limit below zero is drawn.
    [InlineData(new double[] { -20, 10, 40 }, false, -40, 60, 20)]
    // Counts close to zero: the margin stops at zero.
    [InlineData(new double[] { 2, 50, 100 }, false, 0, 125, 25)]
    // Bars start at zero.
    [InlineData(new double[] { 5, 12 }, true, 0, 12.5, 2.5)]
    [InlineData(new double[] { 2900, 3100 }, true, 0, 4000, 1000)]
    public void For_Values_FitsWithRoundTicks(double[] values, bool zeroBased, double minimum, double maximum, double step)
    {
        var axis = ChartAxis.For(values, zeroBased);

        Assert.Equal(new ChartAxis(minimum, maximum, step), axis);
        Assert.True(axis.Minimum <= values.Min() && axis.Maximum >= values.Max(), $"{axis} leaves out some of the data.");
    }

    [Fact]
    public void For_SpcChart_CountsItsLimitsAndMean()
    {
        var chart = new ReportChart(ChartKind.Spc, "Burglary", "Burglary by month.", ["Apr", "May", "Jun"],
        [
            new ChartSeries("Crimes", [410, 430, 420]),
            new ChartSeries("Mean", [420, 420, 420], Dashed: true),
            new ChartSeries("Upper process limit", [470, 470, 470], Dashed: true),
            new ChartSeries("Lower process limit", [370, 370, 370], Dashed: true),
        ]);

        var axis = ChartAxis.For(chart);

        Assert.Equal(new ChartAxis(350, 475, 25), axis);
        Assert.Equal([350, 375, 400, 425, 450, 475], axis.Ticks());
    }

    [Fact]
    public void Ticks_DecimalStep_ExactRoundValues() =>
        Assert.Equal([0.2, 0.22, 0.24, 0.26, 0.28, 0.3], ChartAxis.For([0.21, 0.29], zeroBased: false).Ticks());

    [Fact]
    public void For_NoValues_ZeroToOne() => Assert.Equal(new ChartAxis(0, 1, 0.2), ChartAxis.For([], zeroBased: false));
}

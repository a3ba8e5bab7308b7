using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Tests.Performance;

public sealed class RollingTwelveMonthsTests
{
    private static Dictionary<ReportingMonth, long> Months(ReportingMonth first, int count, Func<int, long> value) =>
        Enumerable.Range(0, count).ToDictionary(i => first.Plus(i), value);

    [Fact]
    public void Compute_SumsTheTwoWindows()
    {
        // Month i (0-based from Oct 2019) holds i + 1: previous = 1..12 = 78, latest = 13..24 = 222.
        var monthly = Months(new ReportingMonth(2019, 10), 24, i => i + 1);

        var r = RollingTwelveMonths.Compute(monthly, new ReportingMonth(2021, 9));

        Assert.Equal(78, r.Previous);
        Assert.Equal(222, r.Latest);
        Assert.Equal(144, r.Comparison.Difference);
        Assert.Equal("+184.6%", Figures.SignedPercent(r.Comparison.PercentChange));
        Assert.Equal(new ReportingMonth(2020, 10), r.LatestFrom);
        Assert.Equal(new ReportingMonth(2019, 10), r.PreviousFrom);
        Assert.True(r.Comparison.Significant);
    }

    [Fact]
    public void Compute_MissingMonths_NamesThem()
    {
        var monthly = Months(new ReportingMonth(2019, 10), 24, _ => 5);
        monthly.Remove(new ReportingMonth(2020, 2));
        monthly.Remove(new ReportingMonth(2020, 3));

        var ex = Assert.Throws<DomainException>(() => RollingTwelveMonths.Compute(monthly, new ReportingMonth(2021, 9)));

        Assert.Contains("2020-02 to 2020-03", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_MatchesComputeForEveryMonth()
    {
        var first = new ReportingMonth(2014, 1);
        var counts = Enumerable.Range(0, 120).Select(i => (long)(100 + (i * 7 % 31))).ToList();
        var monthly = counts.Select((c, i) => (first.Plus(i), c)).ToDictionary(x => x.Item1, x => x.c);

        var series = RollingTwelveMonths.Series(first, counts);

        Assert.Equal(97, series.Count);
        foreach (var r in series)
        {
            var single = RollingTwelveMonths.Compute(monthly, r.To);
            Assert.Equal((single.Previous, single.Latest), (r.Previous, r.Latest));
        }
    }
}

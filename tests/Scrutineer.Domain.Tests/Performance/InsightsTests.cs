using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Tests.Performance;

public sealed class InsightsTests
{
    private static Dictionary<ReportingMonth, long> Months(ReportingMonth first, int count, Func<int, long> value) =>
        Enumerable.Range(0, count).ToDictionary(i => first.Plus(i), value);

    [Fact]
    public void FinancialYears_TotalsAprilToMarch_AndFlagsIncompleteYears()
    {
        var monthly = Months(new ReportingMonth(2021, 4), 30, _ => 10);

        var years = FinancialYearTotal.All(monthly);

        Assert.Equal(["2021/22", "2022/23", "2023/24"], years.Select(y => y.Year.ToString()));
        Assert.Equal([120L, 120L, 60L], years.Select(y => y.Total));
        Assert.False(years[2].Complete);
        Assert.Throws<DomainException>(() => FinancialYearTotal.Compare(monthly, new FinancialYear(2022), new FinancialYear(2023)));
        Assert.Equal(0, FinancialYearTotal.Compare(monthly, new FinancialYear(2021), new FinancialYear(2022)).Difference);
    }

    [Fact]
    public void Quarter_AgainstPreviousAndSameQuarterLastYear()
    {
        var monthly = Months(new ReportingMonth(2022, 4), 18, i => i + 1); // Apr 2022 = 1 … Sep 2023 = 18

        var q = QuarterComparison.Compute(monthly, new FinancialQuarter(new FinancialYear(2023), 2));

        Assert.Equal(16 + 17 + 18, q.Total);
        Assert.Equal(13 + 14 + 15, q.VersusPreviousQuarter!.Previous);
        Assert.Equal(4 + 5 + 6, q.VersusSameQuarterLastYear!.Previous);
    }

    [Fact]
    public void Shares_SumCheck()
    {
        var shares = Share.Of(100, [("Racially motivated", 62), ("Other", 38)]);

        Assert.Equal("62.0%", shares.Shares[0].Formatted);
        Assert.Throws<DomainException>(() => Share.Of(100, [("A", 50), ("B", 40)]));
        Assert.Throws<DomainException>(() => Share.Of(100, [("A", 70), ("B", 40)]));
        Assert.Equal(110, Share.Of(100, [("A", 70), ("B", 40)], partsMayOverlap: true).PartsTotal);
    }

    [Fact]
    public void Rate_KeepsParts() =>
        Assert.Equal("90.2% (185 of 205)", new Rate(185, 205).ToString());

    [Fact]
    public void MonthlyTable_TotalsRowsAndColumns()
    {
        var from = new ReportingMonth(2021, 6);
        var table = MonthlyTable.Build(
        [
            ("North", new Dictionary<ReportingMonth, decimal> { [from] = 28, [from.Plus(1)] = 30 }),
            ("South", new Dictionary<ReportingMonth, decimal> { [from] = 26 }),
        ], from, from.Plus(1));

        Assert.Equal([54m, 30m], table.ColumnTotals);
        Assert.Null(table.Rows[1].Cells[1]);
        Assert.Equal(84m, table.GrandTotal);
    }

    [Fact]
    public void LsoaName_LocalAuthority()
    {
        Assert.Equal("Castle Point", LsoaMapping.LocalAuthorityOf("Castle Point 001A"));
        Assert.Null(LsoaMapping.LocalAuthorityOf("Nowhere"));
        Assert.True(LsoaMapping.IsLsoaCode("E01021577"));
    }
}

using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Tests.Periods;

public sealed class FinancialQuarterTests
{
    [Theory]
    [InlineData("Q2 2023/24", 2023, 2)]
    [InlineData("2023/24 Q2", 2023, 2)]
    [InlineData("2023/24-Q2", 2023, 2)]
    [InlineData("q4 2023/24", 2023, 4)]
    [InlineData("  Q1 2021/22 ", 2021, 1)]
    [InlineData("Quarter 4 – 2018/19", 2018, 4)]
    [InlineData("2023-24 Q3", 2023, 3)]
    [InlineData("Q3 1999/00", 1999, 3)]
    [InlineData("2023/2024-Q1", 2023, 1)]
    public void Parse_AcceptedForms_GiveTheQuarter(string text, int startYear, int quarter)
    {
        var parsed = FinancialQuarter.Parse(text);

        Assert.Equal(new FinancialQuarter(new FinancialYear(startYear), quarter), parsed);
    }

    [Theory]
    [InlineData("2023-Q2")]
    [InlineData("2023 Q2")]
    [InlineData("Q2-2023")]
    public void Parse_CalendarYearQuarter_RefusedAsAmbiguous(string text)
    {
        var ok = FinancialQuarter.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains("ambiguous", error, StringComparison.Ordinal);
        Assert.Contains("calendar", error, StringComparison.Ordinal);
        Assert.Contains("financial", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Q5 2023/24", "Q1 to Q4")]
    [InlineData("Q0 2023/24", "Q1 to Q4")]
    [InlineData("Q2 2023/25", "second year must follow the first")]
    [InlineData("September", "not a reporting period")]
    [InlineData("", "not a reporting period")]
    public void Parse_Invalid_SaysWhy(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => FinancialQuarter.Parse(text));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "2023-04-01", "2023-06-30", "End June 2023")]
    [InlineData(2, "2023-07-01", "2023-09-30", "End September 2023")]
    [InlineData(3, "2023-10-01", "2023-12-31", "End December 2023")]
    [InlineData(4, "2024-01-01", "2024-03-31", "End March 2024")]
    public void Quarters_Of2023_24_SpanTheRightDays(int quarter, string first, string dataTo, string label)
    {
        var q = new FinancialQuarter(new FinancialYear(2023), quarter);

        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), q.FirstDay);
        Assert.Equal(DateOnly.Parse(dataTo, System.Globalization.CultureInfo.InvariantCulture), q.DataTo);
        Assert.Equal(label, q.DataToLabel);
    }

    [Fact]
    public void Labels_AreAsTheReportsPrintThem()
    {
        var q = new FinancialQuarter(new FinancialYear(2023), 2);

        Assert.Equal("Q2 2023/24", q.ToString());
        Assert.Equal("2023/24-Q2", q.Code);
        Assert.Equal("July–September 2023", q.MonthsLabel);
        Assert.Equal("January–March 2024", new FinancialQuarter(new FinancialYear(2023), 4).MonthsLabel);
    }

    [Fact]
    public void NextAndPrevious_CrossTheYearBoundaryAtQ4()
    {
        var q4 = new FinancialQuarter(new FinancialYear(2023), 4);
        var q1 = new FinancialQuarter(new FinancialYear(2024), 1);

        Assert.Equal(q1, q4.Next);
        Assert.Equal(q4, q1.Previous);
        Assert.Equal(new FinancialQuarter(new FinancialYear(2022), 4), q4.SameQuarterLastYear);
        Assert.Equal(q4, FinancialQuarter.FromOrdinal(q4.Ordinal));
    }

    [Theory]
    [InlineData(2024, 1, 2023, 4)]
    [InlineData(2024, 3, 2023, 4)]
    [InlineData(2024, 4, 2024, 1)]
    [InlineData(2024, 6, 2024, 1)]
    [InlineData(2024, 7, 2024, 2)]
    [InlineData(2024, 9, 2024, 2)]
    [InlineData(2024, 10, 2024, 3)]
    [InlineData(2024, 12, 2024, 3)]
    public void Month_FallsInTheRightFinancialQuarter(int year, int month, int fyStart, int quarter)
    {
        var m = new ReportingMonth(year, month);

        Assert.Equal(new FinancialQuarter(new FinancialYear(fyStart), quarter), m.FinancialQuarter);
        Assert.True(m.FinancialQuarter.Contains(m));
    }

    [Fact]
    public void Ordering_IsChronological()
    {
        var quarters = new[] { "2024/25-Q1", "2023/24-Q4", "2023/24-Q1", "2022/23-Q3" }.Select(FinancialQuarter.Parse).Order().ToList();

        Assert.Equal(["Q3 2022/23", "Q1 2023/24", "Q4 2023/24", "Q1 2024/25"], quarters.Select(q => q.ToString()));
    }
}

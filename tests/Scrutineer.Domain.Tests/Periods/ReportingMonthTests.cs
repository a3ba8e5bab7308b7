using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Tests.Periods;

public sealed class ReportingMonthTests
{
    [Theory]
    [InlineData(2023, 11, 2, 2024, 1)]
    [InlineData(2024, 1, -1, 2023, 12)]
    [InlineData(2024, 3, -12, 2023, 3)]
    [InlineData(2023, 10, 23, 2025, 9)]
    public void Plus_MovesAcrossYears(int year, int month, int by, int expectedYear, int expectedMonth)
    {
        Assert.Equal(new ReportingMonth(expectedYear, expectedMonth), new ReportingMonth(year, month).Plus(by));
    }

    [Fact]
    public void LastDay_KnowsLeapYears()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), new ReportingMonth(2024, 2).LastDay);
        Assert.Equal(new DateOnly(2023, 2, 28), new ReportingMonth(2023, 2).LastDay);
    }

    [Fact]
    public void Labels_AreEnGb()
    {
        var m = new ReportingMonth(2021, 9);

        Assert.Equal("Sep 2021", m.ShortLabel);
        Assert.Equal("September 2021", m.LongLabel);
        Assert.Equal("2021-09", m.ToString());
    }

    [Theory]
    [InlineData("2023-09", true)]
    [InlineData("2023-13", false)]
    [InlineData("2023-9", false)]
    [InlineData("Sep-23", false)]
    [InlineData(null, false)]
    public void TryParse_AcceptsOnlyYyyyMm(string? text, bool ok)
    {
        Assert.Equal(ok, ReportingMonth.TryParse(text, out _));
    }
}

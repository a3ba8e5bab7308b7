using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Tests.Periods;

/// <summary>England and Wales working days against the bank holidays GOV.UK published, around Easter and Christmas.</summary>
public sealed class WorkingDaysTests
{
    /// <summary>The bank holidays in England and Wales as GOV.UK lists them (www.gov.uk/bank-holidays).</summary>
    public static TheoryData<int, string> Published => new()
    {
        { 2016, "2016-01-01 2016-03-25 2016-03-28 2016-05-02 2016-05-30 2016-08-29 2016-12-26 2016-12-27" },
        { 2017, "2017-01-02 2017-04-14 2017-04-17 2017-05-01 2017-05-29 2017-08-28 2017-12-25 2017-12-26" },
        { 2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28" },
        { 2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28" },
        { 2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27" },
        { 2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26" },
        { 2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26" },
        { 2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26" },
        { 2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28" },
        { 2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void BankHolidays_Year_AreTheOnesGovUkPublished(int year, string expected)
    {
        Assert.Equal(expected, string.Join(' ', WorkingDays.BankHolidays(year).Select(d => d.ToString("yyyy-MM-dd"))));
    }

    [Fact]
    public void Add_AcrossEaster2024_SkipsGoodFridayTheWeekendAndEasterMonday()
    {
        // Thursday 28 March 2024 + 1 working day: Good Friday, the weekend and Easter Monday pass; Tuesday 2 April.
        Assert.Equal(new DateOnly(2024, 4, 2), WorkingDays.Add(new DateOnly(2024, 3, 28), 1));
        Assert.Equal(new DateOnly(2024, 3, 28), WorkingDays.Add(new DateOnly(2024, 4, 2), -1));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2024, 3, 29)));
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2024, 4, 1)));
    }

    [Fact]
    public void Between_OverChristmas2026_CountsOnlyWorkingDays()
    {
        // Thursday 24 December 2026 to Tuesday 29 December: Christmas Day (Friday), the weekend and the substitute
        // Boxing Day (Monday 28th) pass; only Tuesday 29th counts.
        Assert.Equal(1, WorkingDays.Between(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 29)));
        Assert.Equal(-1, WorkingDays.Between(new DateOnly(2026, 12, 29), new DateOnly(2026, 12, 24)));
        Assert.Equal(0, WorkingDays.Between(new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 28)));
        Assert.True(WorkingDays.IsWorkingDay(new DateOnly(2026, 12, 24)));
    }

    [Fact]
    public void EasterSunday_KnownYears_MatchesTheChurchCalendar()
    {
        Assert.Equal(new DateOnly(2024, 3, 31), WorkingDays.EasterSunday(2024));
        Assert.Equal(new DateOnly(2025, 4, 20), WorkingDays.EasterSunday(2025));
        Assert.Equal(new DateOnly(2038, 4, 25), WorkingDays.EasterSunday(2038));
    }
}

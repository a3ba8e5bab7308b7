using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Tests.Common;

public sealed class UkClockTests
{
    [Theory]
    [InlineData("2024-06-30T22:59:59Z", "2024-06-30")] // 23:59:59 BST
    [InlineData("2024-06-30T23:00:00Z", "2024-07-01")] // midnight BST: already the next day in the UK, not yet in UTC
    [InlineData("2024-12-31T23:59:59Z", "2024-12-31")] // GMT: UK date is the UTC date
    [InlineData("2025-01-01T00:00:00Z", "2025-01-01")]
    [InlineData("2024-03-31T00:59:59Z", "2024-03-31")] // just before clocks go forward (01:00 GMT → 02:00 BST)
    [InlineData("2024-03-31T23:30:00Z", "2024-04-01")] // first night of BST: 00:30 on 1 April
    [InlineData("2024-10-26T23:30:00Z", "2024-10-27")] // last night of BST: 00:30 BST on the 27th
    [InlineData("2024-10-27T23:30:00Z", "2024-10-27")] // first night of GMT: 23:30 GMT, still the 27th
    public void Today_AroundMidnightAndClockChanges_IsTheUkDate(string utc, string expected)
    {
        var clock = new ZonedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), UkClock.Today(clock));
    }

    [Fact]
    public void Today_MachineInAnotherTimeZone_StillTheUkDate()
    {
        var clock = new ZonedClock(new DateTimeOffset(2024, 6, 30, 23, 30, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        Assert.Equal(new DateOnly(2024, 7, 1), UkClock.Today(clock));
        Assert.Equal(new DateOnly(2024, 6, 30), DateOnly.FromDateTime(clock.GetLocalNow().DateTime)); // what the machine's zone would have said
    }

    [Fact]
    public void ByUkRule_AgreesWithTheTimeZoneDataEveryHourFrom1996To2040()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        for (var at = new DateTimeOffset(1996, 1, 1, 0, 0, 0, TimeSpan.Zero); at.Year < 2040; at = at.AddMinutes(30))
        {
            var expected = TimeZoneInfo.ConvertTime(at, london);
            var actual = UkClock.ByUkRule(at);
            Assert.True(expected.Offset == actual.Offset && expected.DateTime == actual.DateTime, $"{at:o}: expected {expected:o}, got {actual:o}");
        }
    }

    private sealed class ZonedClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => zone;
    }
}

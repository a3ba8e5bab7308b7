namespace Scrutineer.Domain.Common;

/// <summary>
/// The force's clock: UK time (Europe/London, GMT in winter, BST in summer). "Today" everywhere in Scrutineer — due
/// dates, overdue lists, deadlines, token expiry, the date printed on a report — is <see cref="Today"/> of the injected
/// clock, never the machine's time zone or UTC. When the machine has no time-zone data, the UK rule since 1996 is
/// applied directly (BST from 01:00 UTC on the last Sunday in March to 01:00 UTC on the last Sunday in October).
/// </summary>
public static class UkClock
{
    private static readonly TimeZoneInfo? London = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : null;

    /// <summary>Today's date in the UK by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The UK date at the instant <paramref name="at"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary>The instant <paramref name="at"/> as UK clocks showed it, with its offset (+00:00 or +01:00).</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => London is null ? ByUkRule(at) : TimeZoneInfo.ConvertTime(at, London);

    /// <summary>The UK daylight-saving rule since 1996 applied to <paramref name="at"/>, without the machine's time-zone data.</summary>
    public static DateTimeOffset ByUkRule(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var summer = utc >= ChangeOver(utc.Year, 3) && utc < ChangeOver(utc.Year, 10);
        return at.ToOffset(summer ? TimeSpan.FromHours(1) : TimeSpan.Zero);
    }

    /// <summary>01:00 UTC on the last Sunday of <paramref name="month"/>.</summary>
    private static DateTime ChangeOver(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}

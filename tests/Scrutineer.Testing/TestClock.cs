namespace Scrutineer.Testing;

/// <summary>
/// A clock that stands still until moved, for rules that depend on "now" (deadlines, overdue units, rolling windows).
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Friday 12 January 2024, 09:00 UTC: inside Q4 2023/24, the demo's open round.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2024, 1, 12, 9, 0, 0, TimeSpan.Zero);

    private DateTimeOffset now = start;

    public TestClock()
        : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock on.</summary>
    public void Advance(TimeSpan by) => now += by;

    /// <summary>Sets the clock.</summary>
    public void Set(DateTimeOffset value) => now = value;
}

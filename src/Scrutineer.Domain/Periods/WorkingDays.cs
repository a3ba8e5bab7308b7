namespace Scrutineer.Domain.Periods;

/// <summary>
/// Working days in England and Wales: Monday to Friday except bank holidays. The bank holidays follow the standing rules
/// (New Year's Day, Good Friday, Easter Monday, the early May and spring bank holidays, the summer bank holiday,
/// Christmas Day and Boxing Day, each moved to the next weekday when it falls at a weekend) and a maintained table of the
/// one-off changes proclaimed for particular years (<see cref="Proclaimed"/>, <see cref="Moved"/>).
/// </summary>
public static class WorkingDays
{
    /// <summary>Bank holidays proclaimed for one year only.</summary>
    private static readonly DateOnly[] Proclaimed =
    [
        new(2022, 6, 3),   // Platinum Jubilee
        new(2022, 9, 19),  // State funeral of Queen Elizabeth II
        new(2023, 5, 8),   // Coronation of King Charles III
    ];

    /// <summary>Standing bank holidays moved by proclamation: the rule's date and where it went.</summary>
    private static readonly (DateOnly From, DateOnly To)[] Moved =
    [
        (new(2020, 5, 4), new(2020, 5, 8)),   // early May bank holiday moved for the 75th anniversary of VE Day
        (new(2022, 5, 30), new(2022, 6, 2)),  // spring bank holiday moved for the Platinum Jubilee
    ];

    /// <summary>Whether <paramref name="date"/> is a working day in England and Wales.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays(date.Year).Contains(date);

    /// <summary>
    /// The working day <paramref name="days"/> working days after (or, when negative, before) <paramref name="date"/>;
    /// zero gives <paramref name="date"/> itself.
    /// </summary>
    public static DateOnly Add(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        var current = date;
        for (var left = Math.Abs(days); left > 0;)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                left--;
            }
        }

        return current;
    }

    /// <summary>
    /// How many working days from <paramref name="from"/> (exclusive) to <paramref name="to"/> (inclusive): the number of
    /// working days to wait from one to the other; negative when <paramref name="to"/> is earlier.
    /// </summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -Between(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The bank holidays in England and Wales in <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<DateOnly> BankHolidays(int year)
    {
        var easter = EasterSunday(year);
        var christmas = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        var days = new List<DateOnly>
        {
            NextWeekday(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };

        // Christmas Day or Boxing Day at a weekend is made up two days later: Saturday's on the Monday, Sunday's on the
        // Tuesday (the Monday being the other's).
        days.Add(christmas.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? christmas.AddDays(2) : christmas);
        days.Add(boxingDay.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? boxingDay.AddDays(2) : boxingDay);

        foreach (var (from, to) in Moved.Where(m => m.From.Year == year))
        {
            days.Remove(from);
            days.Add(to);
        }

        days.AddRange(Proclaimed.Where(d => d.Year == year));
        return days.Distinct().Order().ToList();
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NextWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}

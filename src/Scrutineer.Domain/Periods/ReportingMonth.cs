using System.Globalization;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Periods;

/// <summary>
/// A calendar month, the unit in which crime and most measures are recorded (for example "2023-09").
/// Immutable; compares chronologically.
/// </summary>
public readonly record struct ReportingMonth : IComparable<ReportingMonth>
{
    /// <summary>Creates a month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Year outside 1900–2999 or month outside 1–12.</exception>
    public ReportingMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    /// <summary>Calendar year.</summary>
    public int Year { get; }

    /// <summary>Calendar month, 1 (January) to 12 (December).</summary>
    public int Month { get; }

    /// <summary>Months since January of year 0: a dense ordinal for arithmetic and storage.</summary>
    public int Ordinal => (Year * 12) + Month - 1;

    /// <summary>The month with the given <see cref="Ordinal"/>.</summary>
    public static ReportingMonth FromOrdinal(int ordinal) => new(ordinal / 12, (ordinal % 12) + 1);

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The last day of the month (inclusive).</summary>
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>The financial year (April to March) this month falls in.</summary>
    public FinancialYear FinancialYear => new(Month >= 4 ? Year : Year - 1);

    /// <summary>The financial quarter this month falls in (Q1 = Apr–Jun … Q4 = Jan–Mar).</summary>
    public FinancialQuarter FinancialQuarter => new(FinancialYear, ((Month + 8) % 12 / 3) + 1);

    /// <summary>This month moved by <paramref name="months"/> (negative moves back).</summary>
    public ReportingMonth Plus(int months) => FromOrdinal(Ordinal + months);

    /// <summary>The month containing <paramref name="date"/>.</summary>
    public static ReportingMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Three-letter month names as the reports print them (ICU's en-GB gives "Sept", which they do not use).</summary>
    private static readonly string[] Abbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Short label as the reports print it: "Sep 2021".</summary>
    public string ShortLabel => string.Create(CultureInfo.InvariantCulture, $"{Abbreviations[Month - 1]} {Year}");

    /// <summary>Long label: "September 2021".</summary>
    public string LongLabel => FirstDay.ToString("MMMM yyyy", EnGb.Culture);

    /// <summary>Machine form "2021-09".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <inheritdoc/>
    public int CompareTo(ReportingMonth other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>Chronological comparison.</summary>
    public static bool operator <(ReportingMonth left, ReportingMonth right) => left.Ordinal < right.Ordinal;

    /// <summary>Chronological comparison.</summary>
    public static bool operator >(ReportingMonth left, ReportingMonth right) => left.Ordinal > right.Ordinal;

    /// <summary>Chronological comparison.</summary>
    public static bool operator <=(ReportingMonth left, ReportingMonth right) => left.Ordinal <= right.Ordinal;

    /// <summary>Chronological comparison.</summary>
    public static bool operator >=(ReportingMonth left, ReportingMonth right) => left.Ordinal >= right.Ordinal;

    /// <summary>Parses "YYYY-MM" (as data.police.uk writes months).</summary>
    public static bool TryParse(string? text, out ReportingMonth month)
    {
        month = default;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.Length != 7 || span[4] != '-'
            || !int.TryParse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(span[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year is < 1900 or > 2999 || m is < 1 or > 12)
        {
            return false;
        }

        month = new ReportingMonth(year, m);
        return true;
    }

    /// <summary>Parses "YYYY-MM".</summary>
    /// <exception cref="FormatException">The text is not a month written as YYYY-MM.</exception>
    public static ReportingMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month: expected YYYY-MM, for example 2023-09.");
}

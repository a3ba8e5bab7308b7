using System.Globalization;
using System.Text.RegularExpressions;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Periods;

/// <summary>
/// A reporting period: a quarter of the UK financial year. Q1 = April–June, Q2 = July–September,
/// Q3 = October–December, Q4 = January–March of the next calendar year. Labelled "Q2 2023/24".
/// </summary>
public readonly partial record struct FinancialQuarter : IComparable<FinancialQuarter>
{
    /// <summary>Creates quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Quarter outside 1–4.</exception>
    public FinancialQuarter(FinancialYear year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        Year = year;
        Quarter = quarter;
    }

    /// <summary>The financial year.</summary>
    public FinancialYear Year { get; }

    /// <summary>1 to 4.</summary>
    public int Quarter { get; }

    /// <summary>The first month of the quarter (April, July, October or January).</summary>
    public ReportingMonth FirstMonth => Year.FirstMonth.Plus((Quarter - 1) * 3);

    /// <summary>The last month of the quarter (June, September, December or March).</summary>
    public ReportingMonth LastMonth => FirstMonth.Plus(2);

    /// <summary>The first day of the quarter.</summary>
    public DateOnly FirstDay => FirstMonth.FirstDay;

    /// <summary>The "data to" date: the last day of the quarter, for example 30 September 2023 for Q2 2023/24.</summary>
    public DateOnly DataTo => LastMonth.LastDay;

    /// <summary>"Data to: End September 2023" as printed on a report's front page.</summary>
    public string DataToLabel => "End " + LastMonth.LongLabel;

    /// <summary>The month span in words, for example "July–September 2023" or "January–March 2024".</summary>
    public string MonthsLabel => string.Create(EnGb.Culture,
        $"{FirstMonth.FirstDay.ToString("MMMM", EnGb.Culture)}–{LastMonth.LongLabel}");

    /// <summary>The following quarter (Q4 is followed by Q1 of the next financial year).</summary>
    public FinancialQuarter Next => Quarter == 4 ? new(Year.Next, 1) : new(Year, Quarter + 1);

    /// <summary>The preceding quarter (Q1 is preceded by Q4 of the previous financial year).</summary>
    public FinancialQuarter Previous => Quarter == 1 ? new(Year.Previous, 4) : new(Year, Quarter - 1);

    /// <summary>The same quarter a year earlier.</summary>
    public FinancialQuarter SameQuarterLastYear => new(Year.Previous, Quarter);

    /// <summary>A single integer that orders quarters: financial start year × 4 + quarter − 1.</summary>
    public int Ordinal => (Year.StartYear * 4) + Quarter - 1;

    /// <summary>The quarter with the given <see cref="Ordinal"/>.</summary>
    public static FinancialQuarter FromOrdinal(int ordinal) => new(new FinancialYear(ordinal / 4), (ordinal % 4) + 1);

    /// <summary>The quarter containing <paramref name="date"/>.</summary>
    public static FinancialQuarter Of(DateOnly date) => ReportingMonth.Of(date).FinancialQuarter;

    /// <summary>Whether <paramref name="month"/> falls in this quarter.</summary>
    public bool Contains(ReportingMonth month) => month >= FirstMonth && month <= LastMonth;

    /// <summary>Label "Q2 2023/24".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Q{Quarter} {Year}");

    /// <summary>Compact form used on the command line and in files: "2023/24-Q2".</summary>
    public string Code => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");

    /// <inheritdoc/>
    public int CompareTo(FinancialQuarter other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>Chronological comparison.</summary>
    public static bool operator <(FinancialQuarter left, FinancialQuarter right) => left.Ordinal < right.Ordinal;

    /// <summary>Chronological comparison.</summary>
    public static bool operator >(FinancialQuarter left, FinancialQuarter right) => left.Ordinal > right.Ordinal;

    /// <summary>Chronological comparison.</summary>
    public static bool operator <=(FinancialQuarter left, FinancialQuarter right) => left.Ordinal <= right.Ordinal;

    /// <summary>Chronological comparison.</summary>
    public static bool operator >=(FinancialQuarter left, FinancialQuarter right) => left.Ordinal >= right.Ordinal;

    /// <summary>
    /// Parses "Q2 2023/24", "2023/24 Q2" or "2023/24-Q2" (case and spacing are forgiven; "Quarter 2 – 2023/24" too).
    /// A quarter given against a single calendar year, such as "2023-Q2", is refused: it could mean the calendar
    /// quarter (April–June 2023) or the financial one (July–September 2023).
    /// </summary>
    public static bool TryParse(string? text, out FinancialQuarter quarter, out string error)
    {
        quarter = default;
        var trimmed = text?.Trim() ?? "";
        if (Ambiguous().IsMatch(trimmed))
        {
            error = $"'{trimmed}' is ambiguous: it does not say whether Q{Ambiguous().Match(trimmed).Groups["q"].Value} is a calendar "
                + "or a financial quarter. Give the financial year, for example 'Q2 2023/24' or '2023/24-Q2'.";
            return false;
        }

        var match = QuarterFirst().Match(trimmed);
        if (!match.Success)
        {
            match = YearFirst().Match(trimmed);
        }

        if (!match.Success)
        {
            error = $"'{trimmed}' is not a reporting period: expected a financial quarter such as 'Q2 2023/24' or '2023/24-Q2'.";
            return false;
        }

        var q = int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture);
        if (q is < 1 or > 4)
        {
            error = $"'{trimmed}' is not a reporting period: a quarter is Q1 to Q4.";
            return false;
        }

        if (!FinancialYear.TryParse(match.Groups["fy"].Value, out var year, out error))
        {
            error = $"'{trimmed}' is not a reporting period: " + error;
            return false;
        }

        quarter = new FinancialQuarter(year, q);
        return true;
    }

    /// <summary>Parses a reporting period label.</summary>
    /// <exception cref="FormatException">The text is not a financial quarter; the message says why.</exception>
    public static FinancialQuarter Parse(string text) =>
        TryParse(text, out var quarter, out var error) ? quarter : throw new FormatException(error);

    [GeneratedRegex(@"^(?:q|quarter)\s*(?<q>\d)\s*[-–—,]?\s*(?<fy>\d{4}\s*[/-]\s*\d{2,4})$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterFirst();

    [GeneratedRegex(@"^(?<fy>\d{4}\s*/\s*\d{2,4}|\d{4}-\d{2})\s*[-–—\s]\s*(?:q|quarter)\s*(?<q>\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^(?:\d{4}\s*[-\s]\s*q(?<q>\d)|q(?<q>\d)\s*[-\s]\s*\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex Ambiguous();
}

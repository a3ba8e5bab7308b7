using System.Globalization;
using System.Text.RegularExpressions;

namespace Scrutineer.Domain.Periods;

/// <summary>
/// A UK financial year, 1 April to 31 March, labelled "2023/24". Identified by the calendar year in which it starts.
/// </summary>
public readonly partial record struct FinancialYear : IComparable<FinancialYear>
{
    /// <summary>Creates the financial year starting in April of <paramref name="startYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Start year outside 1900–2998.</exception>
    public FinancialYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, 2998);
        StartYear = startYear;
    }

    /// <summary>The calendar year in which this financial year starts (April).</summary>
    public int StartYear { get; }

    /// <summary>April of the start year.</summary>
    public ReportingMonth FirstMonth => new(StartYear, 4);

    /// <summary>March of the following year.</summary>
    public ReportingMonth LastMonth => new(StartYear + 1, 3);

    /// <summary>1 April of the start year.</summary>
    public DateOnly FirstDay => FirstMonth.FirstDay;

    /// <summary>31 March of the following year (inclusive).</summary>
    public DateOnly LastDay => LastMonth.LastDay;

    /// <summary>The following financial year.</summary>
    public FinancialYear Next => new(StartYear + 1);

    /// <summary>The preceding financial year.</summary>
    public FinancialYear Previous => new(StartYear - 1);

    /// <summary>The financial year containing <paramref name="date"/>.</summary>
    public static FinancialYear Of(DateOnly date) => ReportingMonth.Of(date).FinancialYear;

    /// <summary>Label "2023/24".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear:D4}/{(StartYear + 1) % 100:D2}");

    /// <inheritdoc/>
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Chronological comparison.</summary>
    public static bool operator <(FinancialYear left, FinancialYear right) => left.StartYear < right.StartYear;

    /// <summary>Chronological comparison.</summary>
    public static bool operator >(FinancialYear left, FinancialYear right) => left.StartYear > right.StartYear;

    /// <summary>Chronological comparison.</summary>
    public static bool operator <=(FinancialYear left, FinancialYear right) => left.StartYear <= right.StartYear;

    /// <summary>Chronological comparison.</summary>
    public static bool operator >=(FinancialYear left, FinancialYear right) => left.StartYear >= right.StartYear;

    /// <summary>
    /// Parses "2023/24", "2023-24" or "2023/2024". The second year must follow the first.
    /// </summary>
    public static bool TryParse(string? text, out FinancialYear year, out string error)
    {
        year = default;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            error = $"'{text}' is not a financial year: expected for example 2023/24.";
            return false;
        }

        var start = int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
        var endText = match.Groups["end"].Value;
        var end = int.Parse(endText, CultureInfo.InvariantCulture);
        var expected = endText.Length == 2 ? (start + 1) % 100 : start + 1;
        if (end != expected || start is < 1900 or > 2998)
        {
            error = $"'{text}' is not a financial year: the second year must follow the first (for example {start}/{(start + 1) % 100:D2}).";
            return false;
        }

        year = new FinancialYear(start);
        error = "";
        return true;
    }

    /// <summary>Parses a financial year label.</summary>
    /// <exception cref="FormatException">The text is not a financial year; the message says why.</exception>
    public static FinancialYear Parse(string text) =>
        TryParse(text, out var year, out var error) ? year : throw new FormatException(error);

    [GeneratedRegex(@"^(?<start>\d{4})\s*[/-]\s*(?<end>\d{2}|\d{4})$")]
    private static partial Regex Pattern();
}

using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Performance;

/// <summary>A rolling 12-month comparison for one measure and area, ready for a table or report.</summary>
/// <param name="Measure">The measure's name.</param>
/// <param name="Area">The area's name.</param>
/// <param name="Level">The area's level.</param>
/// <param name="Better">The measure's better direction.</param>
/// <param name="Result">The comparison (windows, totals, verdict).</param>
public sealed record RollingComparisonRow(string Measure, string Area, AreaLevel Level, BetterDirection Better, RollingTwelveMonths Result)
{
    /// <summary>Total of the 12 months before the latest 12.</summary>
    public long Previous12Months => Result.Previous;

    /// <summary>Total of the 12 months to the chosen month.</summary>
    public long Latest12Months => Result.Latest;

    /// <summary>Latest − previous.</summary>
    public long Difference => Result.Comparison.Difference;

    /// <summary>Percentage change rounded half away from zero to one decimal; null when the previous total is 0.</summary>
    public decimal? PercentChange => Result.Comparison.PercentChange is { } p ? Figures.RoundPercent(p) : null;

    /// <summary>True when the change is statistically significant (p &lt; 0.05).</summary>
    public bool Significant => Result.Comparison.Significant;

    /// <summary>The verdict in words ("significant increase", "no significant change (small base)").</summary>
    public string Verdict => Result.Comparison.Verdict;
}

/// <summary>A monthly series of one measure for one area (for bar charts and tables).</summary>
/// <param name="Measure">The measure.</param>
/// <param name="Area">The area's name.</param>
/// <param name="Points">Month and value, oldest first; months without data are absent.</param>
public sealed record MonthlySeries(Measure Measure, string Area, IReadOnlyList<MonthlyValue> Points);

/// <summary>One month's value.</summary>
public sealed record MonthlyValue(ReportingMonth Month, decimal Value, decimal? Numerator, decimal? Denominator);

/// <summary>An XmR chart for one measure and area.</summary>
public sealed record SpcResult(string Measure, string Area, string Unit, XmrChart Chart);

/// <summary>Financial-year totals of one count measure for one area, with each complete year compared with the one before.</summary>
public sealed record FinancialYearsResult(string Measure, string Area, IReadOnlyList<FinancialYearRow> Years);

/// <summary>A financial year's total and its change from the previous year (when both are complete).</summary>
public sealed record FinancialYearRow(FinancialYearTotal Total, CountComparison? VersusPreviousYear);

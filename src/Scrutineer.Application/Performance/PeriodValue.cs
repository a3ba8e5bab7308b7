using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Performance;

/// <summary>One quarter's or financial year's value of a measure, beside the same period a year before when held.</summary>
/// <param name="Start">The period's first month (April for a financial year).</param>
/// <param name="Label">"Q1 2024/25" or "2024/25".</param>
/// <param name="Value">The value, in the measure's unit.</param>
/// <param name="YearBefore">The value of the same period a year before; null when not held.</param>
public sealed record PeriodValue(ReportingMonth Start, string Label, decimal Value, decimal? YearBefore);

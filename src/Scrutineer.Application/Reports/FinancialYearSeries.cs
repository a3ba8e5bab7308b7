using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Reports;

/// <summary>A long-run measure by financial year for the closure report, for example "Recorded burglary".</summary>
/// <param name="Measure">What is counted.</param>
/// <param name="Values">One value per financial year, oldest first.</param>
public sealed record FinancialYearSeries(string Measure, IReadOnlyList<(FinancialYear Year, decimal Value)> Values);

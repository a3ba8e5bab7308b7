using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Reports;

/// <summary>A long-run measure by financial year for the closure report, for example "Recorded burglary".</summary>
/// <param name="Measure">What is counted.</param>
/// <param name="Values">One value per complete financial year, oldest first.</param>
public sealed record FinancialYearSeries(string Measure, IReadOnlyList<(FinancialYear Year, decimal Value)> Values)
{
    /// <summary>What a value counts ("crimes", "officers (headcount) at the end of March", "£").</summary>
    public string Unit { get; init; } = "";

    /// <summary>What kind of values these are: counts (compared with a significance test), headcounts or money.</summary>
    public MeasureKind Kind { get; init; } = MeasureKind.Count;

    /// <summary>For counts, each year against the year before (null for the first year or after a gap); null for other kinds.</summary>
    public IReadOnlyList<CountComparison?>? Changes { get; init; }
}

using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Domain.Performance;

/// <summary>A financial year's total of a count measure ("52,732 in 2015/16").</summary>
/// <param name="Year">The financial year (April to March).</param>
/// <param name="Total">The sum of the months present.</param>
/// <param name="Months">How many of its 12 months have data.</param>
public sealed record FinancialYearTotal(FinancialYear Year, long Total, int Months)
{
    /// <summary>True when all 12 months have data.</summary>
    public bool Complete => Months == 12;

    /// <summary>Totals for every financial year with any data, oldest first.</summary>
    public static IReadOnlyList<FinancialYearTotal> All(IReadOnlyDictionary<ReportingMonth, long> monthly) =>
        monthly.GroupBy(p => p.Key.FinancialYear)
            .OrderBy(g => g.Key)
            .Select(g => new FinancialYearTotal(g.Key, g.Sum(p => p.Value), g.Count()))
            .ToList();

    /// <summary>Compares two complete financial years (a year against an earlier or later one).</summary>
    /// <exception cref="DomainException">Either year lacks months.</exception>
    public static CountComparison Compare(IReadOnlyDictionary<ReportingMonth, long> monthly, FinancialYear from, FinancialYear to)
    {
        return CountComparison.Of(Total(from), Total(to));

        long Total(FinancialYear year)
        {
            var missing = Enumerable.Range(0, 12).Select(i => year.FirstMonth.Plus(i)).Where(m => !monthly.ContainsKey(m)).ToList();
            if (missing.Count > 0)
            {
                throw new DomainException($"{year} is incomplete: missing {RollingTwelveMonths.Describe(missing)}.");
            }

            return Enumerable.Range(0, 12).Sum(i => monthly[year.FirstMonth.Plus(i)]);
        }
    }
}

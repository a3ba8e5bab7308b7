using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// A financial quarter's total against the quarter before and the same quarter a year earlier. Quarters are treated as
/// periods of equal length (they differ by at most two days) for the significance test.
/// </summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Total">Its total.</param>
/// <param name="VersusPreviousQuarter">Against the preceding quarter; null when that quarter lacks data.</param>
/// <param name="VersusSameQuarterLastYear">Against the same quarter a year earlier; null when that quarter lacks data.</param>
public sealed record QuarterComparison(FinancialQuarter Quarter, long Total, CountComparison? VersusPreviousQuarter, CountComparison? VersusSameQuarterLastYear)
{
    /// <summary>Compares <paramref name="quarter"/> with its predecessors.</summary>
    /// <exception cref="DomainException">The quarter itself lacks months.</exception>
    public static QuarterComparison Compute(IReadOnlyDictionary<ReportingMonth, long> monthly, FinancialQuarter quarter)
    {
        var total = Total(quarter) ?? throw new DomainException($"{quarter} lacks data for some of its months.");
        var previous = Total(quarter.Previous);
        var lastYear = Total(quarter.SameQuarterLastYear);
        return new QuarterComparison(quarter, total,
            previous is { } p ? CountComparison.Of(p, total) : null,
            lastYear is { } l ? CountComparison.Of(l, total) : null);

        long? Total(FinancialQuarter q)
        {
            long sum = 0;
            for (var i = 0; i < 3; i++)
            {
                if (!monthly.TryGetValue(q.FirstMonth.Plus(i), out var v))
                {
                    return null;
                }

                sum += v;
            }

            return sum;
        }
    }
}

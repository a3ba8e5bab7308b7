using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// The 12 months ending with month M against the 12 months before them, as scrutiny reports write it:
/// "12 months ending September 2021 vs previous 12 months: 3,291 → 4,177, +886, +26.9%", with a significance verdict.
/// Latest window: M−11 to M inclusive; previous window: M−23 to M−12 inclusive.
/// </summary>
/// <param name="To">The last month of the latest window.</param>
/// <param name="Comparison">Both totals, difference, percentage change and verdict.</param>
public sealed record RollingTwelveMonths(ReportingMonth To, CountComparison Comparison)
{
    /// <summary>The first month of the latest window (M−11).</summary>
    public ReportingMonth LatestFrom => To.Plus(-11);

    /// <summary>The last month of the previous window (M−12).</summary>
    public ReportingMonth PreviousTo => To.Plus(-12);

    /// <summary>The first month of the previous window (M−23).</summary>
    public ReportingMonth PreviousFrom => To.Plus(-23);

    /// <summary>Total of the previous 12 months.</summary>
    public long Previous => Comparison.Previous;

    /// <summary>Total of the latest 12 months.</summary>
    public long Latest => Comparison.Latest;

    /// <summary>Compares the 12 months to <paramref name="to"/> with the 12 before, from monthly counts.</summary>
    /// <param name="monthly">Counts by month; every one of the 24 months must be present (0 is a value, absent is not).</param>
    /// <param name="to">The last month of the latest window.</param>
    /// <exception cref="DomainException">Any of the 24 months is missing; the message lists them.</exception>
    public static RollingTwelveMonths Compute(IReadOnlyDictionary<ReportingMonth, long> monthly, ReportingMonth to)
    {
        long previous = 0, latest = 0;
        var missing = new List<ReportingMonth>();
        for (var i = -23; i <= 0; i++)
        {
            var month = to.Plus(i);
            if (!monthly.TryGetValue(month, out var count))
            {
                missing.Add(month);
                continue;
            }

            if (i <= -12)
            {
                previous += count;
            }
            else
            {
                latest += count;
            }
        }

        if (missing.Count > 0)
        {
            throw new DomainException(
                $"The 12 months to {to} need data for {to.Plus(-23)} to {to}; missing: {Describe(missing)}.");
        }

        return new RollingTwelveMonths(to, CountComparison.Of(previous, latest));
    }

    /// <summary>
    /// Every rolling-12 comparison a monthly series allows, from the 24th month on, in one pass (prefix sums).
    /// <paramref name="counts"/> are consecutive months starting at <paramref name="first"/>.
    /// </summary>
    public static IReadOnlyList<RollingTwelveMonths> Series(ReportingMonth first, IReadOnlyList<long> counts)
    {
        var result = new List<RollingTwelveMonths>(Math.Max(0, counts.Count - 23));
        var prefix = new long[counts.Count + 1];
        for (var i = 0; i < counts.Count; i++)
        {
            prefix[i + 1] = prefix[i] + counts[i];
        }

        for (var end = 23; end < counts.Count; end++)
        {
            var latest = prefix[end + 1] - prefix[end - 11];
            var previous = prefix[end - 11] - prefix[end - 23];
            result.Add(new RollingTwelveMonths(first.Plus(end), CountComparison.Of(previous, latest)));
        }

        return result;
    }

    /// <summary>Months (in order) collapsed into ranges for messages: "2022-01 to 2022-06, 2022-09".</summary>
    public static string Describe(IReadOnlyList<ReportingMonth> months)
    {
        var parts = new List<string>();
        for (var i = 0; i < months.Count;)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1] == months[j].Plus(1))
            {
                j++;
            }

            parts.Add(i == j ? months[i].ToString() : $"{months[i]} to {months[j]}");
            i = j + 1;
        }

        return string.Join(", ", parts);
    }
}

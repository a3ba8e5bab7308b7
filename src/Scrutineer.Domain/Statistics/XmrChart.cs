using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Statistics;

/// <summary>
/// An XmR (individuals and moving range) statistical process control chart, as NHS England's "Making Data Count"
/// draws it: the mean, process limits at mean ± 2.66 × mean moving range, 2-sigma lines at mean ± (2/3 × 2.66) ×
/// mean moving range, and four special-cause rules: a point beyond a limit; 7 or more consecutive points on one side of
/// the mean; 7 or more consecutive points rising or falling; 2 of 3 consecutive points beyond the same 2-sigma line.
/// Edge-case choices (points on the mean, equal neighbours, conflicting sides) are listed in
/// docs/decisions/0021-spc-edge-cases.md.
/// </summary>
public sealed record XmrChart
{
    /// <summary>The scaling constant from mean moving range to the 3-sigma process limits (3 / d2, d2 = 1.128).</summary>
    public const decimal LimitFactor = 2.66m;

    /// <summary>Consecutive points needed for a shift or a trend.</summary>
    public const int RunLength = 7;

    /// <summary>Fewer points than this make limits unreliable ("Making Data Count" advises at least 15, ideally 20).</summary>
    public const int RecommendedMinimumPoints = 15;

    /// <summary>The mean of the baseline points.</summary>
    public required decimal Mean { get; init; }

    /// <summary>The mean of the baseline's moving ranges.</summary>
    public required decimal MeanMovingRange { get; init; }

    /// <summary>Upper process limit: mean + 2.66 × mean moving range.</summary>
    public decimal UpperLimit => Mean + (LimitFactor * MeanMovingRange);

    /// <summary>Lower process limit: mean − 2.66 × mean moving range (not truncated at zero).</summary>
    public decimal LowerLimit => Mean - (LimitFactor * MeanMovingRange);

    /// <summary>Upper 2-sigma line: mean + (2/3) × 2.66 × mean moving range.</summary>
    public decimal UpperTwoSigma => Mean + (LimitFactor * 2 / 3 * MeanMovingRange);

    /// <summary>Lower 2-sigma line.</summary>
    public decimal LowerTwoSigma => Mean - (LimitFactor * 2 / 3 * MeanMovingRange);

    /// <summary>How many leading points the mean and limits were computed from.</summary>
    public required int BaselinePoints { get; init; }

    /// <summary>The points, oldest first.</summary>
    public required IReadOnlyList<XmrPoint> Points { get; init; }

    /// <summary>The measure's better direction, which decides improvement vs concern.</summary>
    public required BetterDirection Better { get; init; }

    /// <summary>The target, if any.</summary>
    public decimal? Target { get; init; }

    /// <summary>Whether the process will meet its target.</summary>
    public SpcAssurance Assurance
    {
        get
        {
            if (Target is not { } target || Better == BetterDirection.Neither)
            {
                return SpcAssurance.NotApplicable;
            }

            var (good, bad) = Better == BetterDirection.Higher
                ? (LowerLimit > target, UpperLimit < target)
                : (UpperLimit < target, LowerLimit > target);
            return good ? SpcAssurance.ConsistentlyPass : bad ? SpcAssurance.ConsistentlyFail : SpcAssurance.HitAndMiss;
        }
    }

    /// <summary>The latest point's variation: what the chart says now.</summary>
    public SpcVariation LatestVariation => Points[^1].Variation;

    /// <summary>True when there are fewer points than <see cref="RecommendedMinimumPoints"/>.</summary>
    public bool FewPoints => Points.Count < RecommendedMinimumPoints;

    /// <summary>Builds the chart for a monthly series.</summary>
    /// <param name="series">Values by month, oldest first, without gaps or repeats.</param>
    /// <param name="better">The measure's better direction.</param>
    /// <param name="target">An optional target for the assurance verdict.</param>
    /// <param name="baselinePoints">Fix the mean and limits on the first N points (at least 2); null uses every point.</param>
    /// <exception cref="DomainException">Fewer than 2 points, months out of order or missing, or a baseline longer than the series.</exception>
    public static XmrChart Build(
        IReadOnlyList<(ReportingMonth Month, decimal Value)> series, BetterDirection better, decimal? target = null, int? baselinePoints = null)
    {
        if (series.Count < 2)
        {
            throw new DomainException($"An XmR chart needs at least 2 points; there are {series.Count}.");
        }

        for (var i = 1; i < series.Count; i++)
        {
            if (series[i].Month != series[i - 1].Month.Plus(1))
            {
                throw new DomainException($"An XmR chart needs consecutive months: {series[i - 1].Month} is followed by {series[i].Month}.");
            }
        }

        var baseline = baselinePoints ?? series.Count;
        if (baseline < 2 || baseline > series.Count)
        {
            throw new DomainException($"The baseline must be between 2 and {series.Count} points; {baseline} was asked for.");
        }

        var mean = series.Take(baseline).Sum(p => p.Value) / baseline;
        var meanMr = Enumerable.Range(1, baseline - 1).Sum(i => Math.Abs(series[i].Value - series[i - 1].Value)) / (baseline - 1);
        var upper = mean + (LimitFactor * meanMr);
        var lower = mean - (LimitFactor * meanMr);
        var upper2 = mean + (LimitFactor * 2 / 3 * meanMr);
        var lower2 = mean - (LimitFactor * 2 / 3 * meanMr);

        var n = series.Count;
        var high = new SpcRules[n];
        var low = new SpcRules[n];

        for (var i = 0; i < n; i++)
        {
            if (series[i].Value > upper)
            {
                high[i] |= SpcRules.BeyondLimit;
            }
            else if (series[i].Value < lower)
            {
                low[i] |= SpcRules.BeyondLimit;
            }
        }

        // Shift: runs of points strictly on one side of the mean; a point on the mean ends the run.
        MarkRuns(n, i => Math.Sign(series[i].Value - mean), high, low, SpcRules.Shift, runLength: RunLength);

        // Trend: each point strictly above (below) the one before; an equal neighbour ends the trend.
        // The first point of a trend has no direction of its own, so runs count moves and add one for the starting point.
        MarkRuns(n, i => i == 0 ? 0 : Math.Sign(series[i].Value - series[i - 1].Value), high, low, SpcRules.Trend,
            runLength: RunLength - 1, includePointBefore: true);

        // Two of three consecutive points beyond the same 2-sigma line: mark those beyond it.
        for (var start = 0; start + 3 <= n; start++)
        {
            MarkTwoOfThree(start, i => series[i].Value > upper2, high);
            MarkTwoOfThree(start, i => series[i].Value < lower2, low);
        }

        var points = new XmrPoint[n];
        for (var i = 0; i < n; i++)
        {
            var (rules, isHigh) = Side(high[i], low[i]);
            var variation = rules == SpcRules.None ? SpcVariation.CommonCause
                : better == BetterDirection.Neither ? SpcVariation.Neutral
                : (better == BetterDirection.Higher) == isHigh ? SpcVariation.Improvement
                : SpcVariation.Concern;
            points[i] = new XmrPoint(series[i].Month, series[i].Value, i == 0 ? null : Math.Abs(series[i].Value - series[i - 1].Value),
                rules, isHigh, variation, i < baseline);
        }

        return new XmrChart
        {
            Mean = mean, MeanMovingRange = meanMr, BaselinePoints = baseline, Points = points, Better = better, Target = target,
        };
    }

    private static void MarkRuns(int n, Func<int, int> sign, SpcRules[] high, SpcRules[] low, SpcRules rule, int runLength, bool includePointBefore = false)
    {
        var i = 0;
        while (i < n)
        {
            var s = sign(i);
            if (s == 0)
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < n && sign(j + 1) == s)
            {
                j++;
            }

            if (j - i + 1 >= runLength)
            {
                var side = s > 0 ? high : low;
                for (var k = includePointBefore ? i - 1 : i; k <= j; k++)
                {
                    side[k] |= rule;
                }
            }

            i = j + 1;
        }
    }

    private static void MarkTwoOfThree(int start, Func<int, bool> beyond, SpcRules[] side)
    {
        var count = 0;
        for (var i = start; i < start + 3; i++)
        {
            count += beyond(i) ? 1 : 0;
        }

        if (count >= 2)
        {
            for (var i = start; i < start + 3; i++)
            {
                if (beyond(i))
                {
                    side[i] |= SpcRules.TwoOfThreeBeyondTwoSigma;
                }
            }
        }
    }

    // A point flagged on both sides (for example in a falling trend while still above the mean) takes the side of its
    // strongest rule: beyond a limit, then 2 of 3, then shift, then trend.
    private static (SpcRules Rules, bool High) Side(SpcRules high, SpcRules low)
    {
        if (high == SpcRules.None || low == SpcRules.None)
        {
            return high != SpcRules.None ? (high, true) : (low, false);
        }

        foreach (var rule in new[] { SpcRules.BeyondLimit, SpcRules.TwoOfThreeBeyondTwoSigma, SpcRules.Shift, SpcRules.Trend })
        {
            if (high.HasFlag(rule) != low.HasFlag(rule))
            {
                return high.HasFlag(rule) ? (high | low, true) : (high | low, false);
            }
        }

        return (high | low, true);
    }
}

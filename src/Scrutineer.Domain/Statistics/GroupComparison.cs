namespace Scrutineer.Domain.Statistics;

/// <summary>
/// A force's count of events against the average of its peer group, over the same months, with the conditional exact
/// test for two Poisson counts with unequal exposures (R's <c>poisson.test(c(x, y), c(t, u))</c>): given the total
/// n = count + the peers' total, the force's count is Binomial(n, t / (t + u)) when its rate equals the group's, where
/// t and u are the exposures — populations when a population measure is loaded, otherwise 1 for the force and the
/// number of peers for the group (so the force is tested against the peers' average count). The two-sided p-value is
/// twice the smaller tail, capped at 1, as for <see cref="CountComparison"/>. See docs/decisions/0170-peer-group-significance.md.
/// </summary>
public sealed record GroupComparison
{
    private GroupComparison(long count, double exposure, long groupCount, double groupExposure, double pValue)
    {
        Count = count;
        Exposure = exposure;
        GroupCount = groupCount;
        GroupExposure = groupExposure;
        PValue = pValue;
    }

    /// <summary>The force's count.</summary>
    public long Count { get; }

    /// <summary>The force's exposure (population, or 1).</summary>
    public double Exposure { get; }

    /// <summary>The peers' total count (the force excluded).</summary>
    public long GroupCount { get; }

    /// <summary>The peers' total exposure (populations, or the number of peers).</summary>
    public double GroupExposure { get; }

    /// <summary>Two-sided p-value, 0–1.</summary>
    public double PValue { get; }

    /// <summary>True when the difference from the group is more than chance would explain at the 5% level.</summary>
    public bool Significant => PValue < CountComparison.Alpha;

    /// <summary>The force's count scaled to the group's exposure: above the group's count when its rate is higher.</summary>
    private double Expected => GroupExposure == 0 ? 0 : GroupCount * Exposure / GroupExposure;

    /// <summary>Which way the force differs from the group's rate.</summary>
    public ChangeDirection Direction => ((double)Count).CompareTo(Expected) switch
    {
        > 0 => ChangeDirection.Increase,
        < 0 => ChangeDirection.Decrease,
        _ => ChangeDirection.NoChange,
    };

    /// <summary>"significantly higher than the peer average", "significantly lower than the peer average" or "not significantly different from the peer average".</summary>
    public string Verdict => !Significant ? "not significantly different from the peer average"
        : Direction == ChangeDirection.Increase ? "significantly higher than the peer average"
        : "significantly lower than the peer average";

    /// <summary>Compares a force's count with its peers' total, each over its exposure.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or an exposure that is not positive.</exception>
    public static GroupComparison Of(long count, double exposure, long groupCount, double groupExposure)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(groupCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exposure);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(groupExposure);
        return new GroupComparison(count, exposure, groupCount, groupExposure, TwoSidedPValue(count, exposure, groupCount, groupExposure));
    }

    /// <summary>The two-sided p-value of the conditional exact test for counts over unequal exposures.</summary>
    public static double TwoSidedPValue(long count, double exposure, long groupCount, double groupExposure)
    {
        var n = count + groupCount;
        if (n == 0)
        {
            return 1;
        }

        var p = exposure / (exposure + groupExposure);
        var lower = SpecialFunctions.BinomialCdf(count, n, p);
        var upper = SpecialFunctions.BinomialCdf(n - count, n, 1 - p);
        return Math.Min(1, 2 * Math.Min(lower, upper));
    }
}

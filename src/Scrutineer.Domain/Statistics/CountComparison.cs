using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Statistics;

/// <summary>
/// Two counts of events over periods of equal length (12 months vs the previous 12, one financial year vs another,
/// a quarter vs another) compared with the conditional exact test for two Poisson counts: given the total
/// n = previous + latest, the latest count is Binomial(n, ½) when the underlying rate has not changed. The two-sided
/// p-value is twice the smaller tail (the binomial with p = ½ is symmetric, so this equals the "probabilities no more
/// likely" definition), capped at 1. See docs/decisions/0020-significance-of-count-changes.md.
/// </summary>
public sealed record CountComparison
{
    /// <summary>The significance level: a change is significant when p &lt; 0.05.</summary>
    public const double Alpha = 0.05;

    /// <summary>A base (previous count) below this is small: its percentage change is flagged.</summary>
    public const long SmallBaseThreshold = 30;

    private CountComparison(long previous, long latest, double pValue)
    {
        Previous = previous;
        Latest = latest;
        PValue = pValue;
    }

    /// <summary>The earlier period's count (the base).</summary>
    public long Previous { get; }

    /// <summary>The later period's count.</summary>
    public long Latest { get; }

    /// <summary>Latest − previous.</summary>
    public long Difference => Latest - Previous;

    /// <summary>Percentage change, unrounded; null when the previous count is 0.</summary>
    public decimal? PercentChange => Figures.PercentChange(Previous, Latest);

    /// <summary>Two-sided p-value of the conditional exact test, 0–1.</summary>
    public double PValue { get; }

    /// <summary>True when the change is more than chance would explain at the 5% level (p &lt; 0.05).</summary>
    public bool Significant => PValue < Alpha;

    /// <summary>Which way the count moved.</summary>
    public ChangeDirection Direction => Latest.CompareTo(Previous) switch
    {
        > 0 => ChangeDirection.Increase,
        < 0 => ChangeDirection.Decrease,
        _ => ChangeDirection.NoChange,
    };

    /// <summary>True when the base is under <see cref="SmallBaseThreshold"/>: read the percentage with care.</summary>
    public bool SmallBase => Previous < SmallBaseThreshold;

    /// <summary>
    /// The verdict in words, for tables and prose: "significant increase", "significant decrease" or
    /// "no significant change", followed by "(small base)" when the base is small.
    /// </summary>
    public string Verdict
    {
        get
        {
            var text = !Significant ? "no significant change"
                : Direction == ChangeDirection.Increase ? "significant increase"
                : "significant decrease";
            return SmallBase ? text + " (small base)" : text;
        }
    }

    /// <summary>Compares two non-negative counts over periods of equal length.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static CountComparison Of(long previous, long latest)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(previous);
        ArgumentOutOfRangeException.ThrowIfNegative(latest);
        return new CountComparison(previous, latest, TwoSidedPValue(previous, latest));
    }

    /// <summary>The two-sided p-value of the conditional exact test for counts <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static double TwoSidedPValue(long a, long b)
    {
        var n = a + b;
        if (n == 0 || a == b)
        {
            return 1;
        }

        var tail = SpecialFunctions.BinomialHalfCdf(Math.Min(a, b), n);
        return Math.Min(1, 2 * tail);
    }
}

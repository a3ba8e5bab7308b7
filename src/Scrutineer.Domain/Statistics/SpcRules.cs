namespace Scrutineer.Domain.Statistics;

/// <summary>The special-cause rules of an XmR chart that a point triggered ("Making Data Count", NHS England).</summary>
[Flags]
public enum SpcRules
{
    /// <summary>No rule: common-cause variation.</summary>
    None = 0,

    /// <summary>The point lies beyond a process limit (mean ± 2.66 × mean moving range).</summary>
    BeyondLimit = 1,

    /// <summary>The point is one of a run of 7 or more consecutive points on one side of the mean (a shift).</summary>
    Shift = 2,

    /// <summary>The point is one of 7 or more consecutive points each higher (or each lower) than the one before (a trend).</summary>
    Trend = 4,

    /// <summary>The point is beyond the 2-sigma line in a window where 2 of 3 consecutive points are beyond it on the same side.</summary>
    TwoOfThreeBeyondTwoSigma = 8,
}

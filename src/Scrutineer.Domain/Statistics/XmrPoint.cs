using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Statistics;

/// <summary>One month on an XmR chart.</summary>
/// <param name="Month">The month.</param>
/// <param name="Value">The value plotted.</param>
/// <param name="MovingRange">|value − previous value|; null for the first point.</param>
/// <param name="Rules">The special-cause rules this point is part of.</param>
/// <param name="High">True when the rules put the point on the high side (above the mean, rising); false when low.</param>
/// <param name="Variation">Common cause, improvement, concern or neutral special cause.</param>
/// <param name="InBaseline">True when the point is one of those the mean and limits were computed from.</param>
public sealed record XmrPoint(
    ReportingMonth Month, decimal Value, decimal? MovingRange, SpcRules Rules, bool High, SpcVariation Variation, bool InBaseline);

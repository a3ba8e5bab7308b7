namespace Scrutineer.Domain.Statistics;

/// <summary>
/// A point's variation as a Making Data Count icon shows it: common cause, or special cause (improvement, concern or
/// neither) on the high or low side.
/// </summary>
/// <param name="Variation">Common cause, improvement, concern or neither.</param>
/// <param name="High">True when a special cause lies on the high side; ignored for common cause.</param>
public readonly record struct PointVariation(SpcVariation Variation, bool High)
{
    /// <summary>True for special-cause variation of any kind.</summary>
    public bool Special => Variation != SpcVariation.CommonCause;

    /// <summary>"H" or "L" for a special cause, as the icon prints it; empty for common cause.</summary>
    public string Letter => !Special ? "" : High ? "H" : "L";

    /// <summary>The variation of one point of an XmR chart.</summary>
    public static PointVariation Of(XmrPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new(point.Variation, point.High);
    }
}

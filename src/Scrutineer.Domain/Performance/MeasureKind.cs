namespace Scrutineer.Domain.Performance;

/// <summary>What a measure's values are.</summary>
public enum MeasureKind
{
    /// <summary>A count of events (crimes, orders granted): whole numbers, summed over periods.</summary>
    Count,

    /// <summary>A rate with numerator and denominator (DVPN → DVPO conversion, charge rate); the value is a percentage.</summary>
    Rate,

    /// <summary>A percentage reported as such (survey results).</summary>
    Percentage,

    /// <summary>A duration in the measure's unit (seconds to answer a 999 call).</summary>
    Duration,

    /// <summary>An amount of money in pounds.</summary>
    Money,

    /// <summary>A headcount or full-time equivalent at a date: never summed over periods.</summary>
    Headcount,
}

namespace Scrutineer.Domain.Statistics;

/// <summary>How a point of an XmR chart is classed, from its rules and the measure's better direction.</summary>
public enum SpcVariation
{
    /// <summary>No special-cause rule applies: the noise of a stable process.</summary>
    CommonCause,

    /// <summary>Special cause in the better direction.</summary>
    Improvement,

    /// <summary>Special cause in the worse direction.</summary>
    Concern,

    /// <summary>Special cause, high or low, on a measure with no better direction.</summary>
    Neutral,
}

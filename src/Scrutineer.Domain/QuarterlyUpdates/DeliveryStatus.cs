namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>How delivery of a commitment stands, in the unit's judgement for the quarter.</summary>
public enum DeliveryStatus
{
    /// <summary>Work has not begun.</summary>
    NotStarted,

    /// <summary>Under way and on course.</summary>
    OnTrack,

    /// <summary>Delivery may not be achieved without action.</summary>
    AtRisk,

    /// <summary>Delivered.</summary>
    Complete,
}

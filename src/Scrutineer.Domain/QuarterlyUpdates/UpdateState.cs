namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>Where a quarterly update is in review: draft → submitted → approved, or returned for changes.</summary>
public enum UpdateState
{
    /// <summary>Being written by the unit.</summary>
    Draft,

    /// <summary>Sent for review.</summary>
    Submitted,

    /// <summary>Accepted by a reviewer: goes into the report.</summary>
    Approved,

    /// <summary>Sent back to the unit with the reviewer's comment.</summary>
    Returned,
}

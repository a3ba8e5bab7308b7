namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>What happened to a quarterly update, as kept in its history.</summary>
public enum UpdateAction
{
    /// <summary>First written.</summary>
    Created,

    /// <summary>Commentary or status changed.</summary>
    Edited,

    /// <summary>Sent for review.</summary>
    Submitted,

    /// <summary>Accepted by a reviewer.</summary>
    Approved,

    /// <summary>Sent back by a reviewer with a comment.</summary>
    Returned,

    /// <summary>Taken back by its writer before review: a draft again.</summary>
    Withdrawn,

    /// <summary>Commentary or status corrected by the performance unit, with the reason as the entry's comment.</summary>
    Corrected,
}

namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>Where a reporting round is in its life: open → closed → published.</summary>
public enum RoundState
{
    /// <summary>Takes drafts and submissions.</summary>
    Open,

    /// <summary>No more submissions; reviewers finish approving; may be reopened.</summary>
    Closed,

    /// <summary>Published to the scrutiny board: read-only for good.</summary>
    Published,
}

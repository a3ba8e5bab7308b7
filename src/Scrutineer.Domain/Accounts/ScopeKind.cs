namespace Scrutineer.Domain.Accounts;

/// <summary>What an <see cref="AccountScope"/> names.</summary>
public enum ScopeKind
{
    /// <summary>A unit (contributors write that unit's updates).</summary>
    Unit,

    /// <summary>A plan priority (reviewers review updates on its commitments).</summary>
    Priority,

    /// <summary>
    /// A crime prevention strategy strand: a contributor holding it is the strand's lead and writes its narrative for
    /// the quarter; a reviewer holding it reviews that narrative and reads its delivery tasks' sensitive notes.
    /// </summary>
    Strand,
}

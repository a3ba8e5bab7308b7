namespace Scrutineer.Domain.Accounts;

/// <summary>What an <see cref="AccountScope"/> names.</summary>
public enum ScopeKind
{
    /// <summary>A unit (contributors write that unit's updates).</summary>
    Unit,

    /// <summary>A plan priority (reviewers review updates on its commitments).</summary>
    Priority,

    /// <summary>A delivery-plan strand (reviewers and leads of crime-prevention delivery).</summary>
    Strand,
}

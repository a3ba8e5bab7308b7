namespace Scrutineer.Domain.Accounts;

/// <summary>One thing an account's role is limited to: a unit, a priority or a strand, by its store identity.</summary>
/// <param name="Kind">What <paramref name="TargetId"/> identifies.</param>
/// <param name="TargetId">Store identity of the unit, priority or strand (at least 1).</param>
public sealed record AccountScope(ScopeKind Kind, int TargetId);

using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Accounts;

/// <summary>
/// One rule administrators keep for single sign-on: members of an identity provider group get a role, limited for
/// contributors and reviewers to one unit, priority or strand. A person in several mapped groups gets the most
/// powerful of their roles (<see cref="Precedence"/>) with every scope the mappings of that role give.
/// </summary>
public sealed class GroupMapping
{
    /// <summary>Longest group name or identifier (Entra ID sends object identifiers, 36 characters).</summary>
    public const int MaxGroupLength = 200;

    private GroupMapping()
    {
        Group = "";
    }

    /// <summary>Creates a mapping.</summary>
    /// <param name="group">The group as the provider sends it in the groups claim (for Entra ID, the group's object ID).</param>
    /// <param name="role">The role members get.</param>
    /// <param name="scope">The unit (contributors), priority or strand (reviewers); null for the other roles.</param>
    /// <exception cref="DomainException">A blank or over-long group, or a scope that does not suit the role.</exception>
    public GroupMapping(string group, Role role, AccountScope? scope)
    {
        var trimmed = (group ?? "").Trim();
        Group = trimmed.Length is 0 or > MaxGroupLength
            ? throw new DomainException($"Enter the group as your identity provider sends it (1 to {MaxGroupLength} characters; for Entra ID, the group's object ID).")
            : trimmed;
        switch (role)
        {
            case Role.Contributor when scope is not { Kind: Accounts.ScopeKind.Unit }:
                throw new DomainException("A group mapped to contributors needs a unit.");
            case Role.Reviewer when scope is not { Kind: Accounts.ScopeKind.Priority or Accounts.ScopeKind.Strand }:
                throw new DomainException("A group mapped to reviewers needs a priority or strand.");
            case Role.Administrator or Role.Analyst or Role.Viewer when scope is not null:
                throw new DomainException($"The {role.ToString().ToLowerInvariant()} role sees everything: its group mapping takes no unit, priority or strand.");
        }

        if (scope is { TargetId: < 1 })
        {
            throw new DomainException("A scope must name an existing unit, priority or strand.");
        }

        Role = role;
        ScopeKind = scope?.Kind;
        TargetId = scope?.TargetId;
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>The group as the provider sends it; compared exactly.</summary>
    public string Group { get; private set; }

    /// <summary>The role members get.</summary>
    public Role Role { get; private set; }

    /// <summary>What <see cref="TargetId"/> identifies; null for roles that see everything.</summary>
    public ScopeKind? ScopeKind { get; private set; }

    /// <summary>Store identity of the unit, priority or strand; null for roles that see everything.</summary>
    public int? TargetId { get; private set; }

    /// <summary>The scope, if any.</summary>
    public AccountScope? Scope => ScopeKind is { } kind && TargetId is { } id ? new AccountScope(kind, id) : null;

    /// <summary>Roles from most to least powerful: the first one a person's groups give wins.</summary>
    public static IReadOnlyList<Role> Precedence { get; } = [Role.Administrator, Role.Analyst, Role.Reviewer, Role.Contributor, Role.Viewer];

    /// <summary>
    /// The role and scopes <paramref name="groups"/> give under <paramref name="mappings"/>; null when no mapping names
    /// any of them.
    /// </summary>
    public static (Role Role, IReadOnlyList<AccountScope> Scopes)? Place(IEnumerable<GroupMapping> mappings, IEnumerable<string> groups)
    {
        var member = groups.ToHashSet(StringComparer.Ordinal);
        var matching = mappings.Where(m => member.Contains(m.Group)).ToList();
        if (matching.Count == 0)
        {
            return null;
        }

        var role = Precedence.First(r => matching.Any(m => m.Role == r));
        var scopes = matching.Where(m => m.Role == role).Select(m => m.Scope).OfType<AccountScope>().Distinct()
            .OrderBy(s => s.Kind).ThenBy(s => s.TargetId).ToList();
        return (role, scopes);
    }
}

using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Accounts;

/// <summary>The group mappings administrators keep for single sign-on: list, add, remove.</summary>
public static class SignInGroups
{
    /// <summary>Every mapping, by group then role.</summary>
    public static async Task<IReadOnlyList<GroupMapping>> ListAsync(ScrutineerDb db, CancellationToken cancellationToken) =>
        (await db.GroupMappings.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(m => m.Group, StringComparer.Ordinal).ThenBy(m => m.Role).ThenBy(m => m.ScopeKind).ThenBy(m => m.TargetId).ToList();

    /// <summary>Adds a mapping.</summary>
    /// <exception cref="DomainException">
    /// The mapping breaks a rule of <see cref="GroupMapping"/>, names a unit, priority or strand that does not exist, or
    /// already exists.
    /// </exception>
    public static async Task<GroupMapping> AddAsync(ScrutineerDb db, string group, Role role, AccountScope? scope, CancellationToken cancellationToken)
    {
        var mapping = new GroupMapping(group, role, scope);
        var exists = scope?.Kind switch
        {
            null => true,
            ScopeKind.Unit => await db.Units.AnyAsync(u => u.Id == scope.TargetId, cancellationToken),
            ScopeKind.Priority => await db.Priorities.AnyAsync(p => p.Id == scope.TargetId, cancellationToken),
            ScopeKind.Strand => await db.Strands.AnyAsync(s => s.Id == scope.TargetId, cancellationToken),
            _ => false,
        };
        if (!exists)
        {
            throw new DomainException("A scope must name an existing unit, priority or strand.");
        }

        if ((await db.GroupMappings.Where(m => m.Group == mapping.Group && m.Role == role).ToListAsync(cancellationToken)).Any(m => m.Scope == mapping.Scope))
        {
            throw new DomainException($"The group {mapping.Group} is already mapped to that role and scope.");
        }

        db.GroupMappings.Add(mapping);
        await db.SaveChangesAsync(cancellationToken);
        return mapping;
    }

    /// <summary>Removes a mapping. People it placed lose its role at their next sign-in.</summary>
    /// <exception cref="DomainException">No such mapping.</exception>
    public static async Task<GroupMapping> RemoveAsync(ScrutineerDb db, int id, CancellationToken cancellationToken)
    {
        var mapping = await db.GroupMappings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new DomainException("That group mapping does not exist. It may have been removed already.");
        db.GroupMappings.Remove(mapping);
        await db.SaveChangesAsync(cancellationToken);
        return mapping;
    }
}

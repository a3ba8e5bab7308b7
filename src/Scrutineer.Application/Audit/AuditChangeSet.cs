using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Scrutineer.Application.Audit;

/// <summary>
/// The audit entries of one save, collected from the change tracker before the save: modified and deleted rows are
/// described at once (their values are about to go), added rows after the save has given them their keys
/// (<see cref="Rows"/>). Rows of types left out by <see cref="AuditExclusion"/> are not collected.
/// </summary>
internal sealed class AuditChangeSet
{
    private readonly Guid id = Guid.NewGuid();
    private readonly DateTimeOffset at = AuditContext.Clock.GetUtcNow();
    private readonly string actor = AuditContext.Actor;
    private readonly List<EntityEntry> added = [];
    private readonly List<(AuditAction Action, string Table, string Key, string Changes)> ready = [];

    /// <summary>Refuses a save that changes or deletes an audit entry: entries can only be added.</summary>
    /// <exception cref="InvalidOperationException">An audit entry is modified or deleted.</exception>
    public static void RefuseChangesToTheTrail(IEnumerable<EntityEntry> changed)
    {
        if (changed.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
        {
            throw new InvalidOperationException("The audit trail cannot be changed or deleted: entries can only be added.");
        }
    }

    /// <summary>Collects the entries for <paramref name="changed"/> (the added, modified and deleted rows of a save).</summary>
    public static AuditChangeSet Collect(IEnumerable<EntityEntry> changed)
    {
        var set = new AuditChangeSet();
        foreach (var entry in changed)
        {
            if (entry.Entity is AuditEntry || !AuditExclusion.IsAudited(entry.Metadata))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    set.added.Add(entry);
                    break;
                case EntityState.Modified:
                    if (RowChanges.Describe(entry, modifiedOnly: true) is { } modified)
                    {
                        set.ready.Add((AuditAction.Modified, RowText.Table(entry), RowText.Key(entry, original: true), modified));
                    }

                    break;
                case EntityState.Deleted:
                    set.ready.Add((AuditAction.Deleted, RowText.Table(entry), RowText.Key(entry, original: true), RowChanges.Describe(entry, modifiedOnly: false)!));
                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                    break;
            }
        }

        return set;
    }

    /// <summary>The audit rows, once the save has given added rows their keys.</summary>
    public List<AuditEntry> Rows()
    {
        var rows = ready.Select(r => new AuditEntry(id, at, actor, r.Action, r.Table, r.Key, r.Changes)).ToList();
        rows.AddRange(added.Select(e => new AuditEntry(id, at, actor, AuditAction.Added, RowText.Table(e), RowText.Key(e, original: false), RowChanges.Describe(e, modifiedOnly: false)!)));
        return rows;
    }
}

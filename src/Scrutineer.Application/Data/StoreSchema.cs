using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Application.Data;

/// <summary>Brings a store's schema up to date, keeping its data.</summary>
public static class StoreSchema
{
    /// <summary>
    /// Applies every migration the store has not had yet, and the data steps that go with them. Safe to call on every
    /// start. Returns what the data steps changed (for example text moved to its OFFICIAL-SENSITIVE part), one line each.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UpgradeAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var isNew = pending.Count == db.Database.GetMigrations().Count();
        if (pending.Count > 0)
        {
            // Only when there is something to apply: the application's own PostgreSQL role may read the schema history
            // but not change the schema (ApplicationRole).
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (Exception ex) when (ApplicationRole.IsPermissionDenied(ex))
            {
                throw new Domain.Common.DomainException(
                    $"The store's schema is {pending.Count} {(pending.Count == 1 ? "migration" : "migrations")} behind this version, and this account may not change the schema. Run 'scrutineer init' as the store's owner, then start again.");
            }
        }
        IReadOnlyList<string> changed = [];
        if (pending.Contains(Migrations.M0060_Classification.Name) && !isNew)
        {
            // Only an existing store can hold text marked the old way; a new one has nothing to move.
            changed = await MarkedTextUpgrade.MoveAsync(db, Audit.AuditContext.Clock, cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers (the web app) carry on while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return changed;
    }

    /// <summary>The migrations applied to the store, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> AppliedAsync(ScrutineerDb db, CancellationToken cancellationToken = default) =>
        (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
}

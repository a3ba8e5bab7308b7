using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Application.Data;

/// <summary>Brings a store's schema up to date, keeping its data.</summary>
public static class StoreSchema
{
    /// <summary>Applies every migration the store has not had yet. Safe to call on every start.</summary>
    public static async Task UpgradeAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers (the web app) carry on while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>The migrations applied to the store, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> AppliedAsync(ScrutineerDb db, CancellationToken cancellationToken = default) =>
        (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
}

using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Scrutineer.Application.Data;

/// <summary>Brings a store's schema up to date, keeping its data.</summary>
public static class StoreSchema
{
    /// <summary>The table that lists the migrations a store has had.</summary>
    public const string HistoryTable = "__SchemaHistory";

    /// <summary>
    /// Applies every migration the store has not had yet, and the data steps that go with them. Safe to call on every
    /// start: a store that is up to date costs one read of its schema history (<see cref="IsCurrentAsync"/>). Returns what
    /// the data steps changed (for example text moved to its OFFICIAL-SENSITIVE part), one line each.
    /// </summary>
    public static async Task<IReadOnlyList<string>> UpgradeAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> changed = await IsCurrentAsync(db, cancellationToken) ? [] : await MigrateAsync(db, cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers (the web app) carry on while an import writes. Set on every open, as a
            // restored backup comes back without it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return changed;
    }

    private static async Task<IReadOnlyList<string>> MigrateAsync(ScrutineerDb db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        var isNew = pending.Count == db.Database.GetMigrations().Count();
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception ex) when (ApplicationRole.IsPermissionDenied(ex))
        {
            // The application's own PostgreSQL role may read the schema history but not change the schema (ApplicationRole).
            throw new Domain.Common.DomainException(
                $"The store's schema is {pending.Count} {(pending.Count == 1 ? "migration" : "migrations")} behind this version, and this account may not change the schema. Run 'scrutineer init' as the store's owner, then start again.");
        }

        // Only an existing store can hold text marked the old way; a new one has nothing to move.
        return pending.Contains(Migrations.M0060_Classification.Name) && !isNew
            ? await MarkedTextUpgrade.MoveAsync(db, Audit.AuditContext.Clock, cancellationToken)
            : [];
    }

    /// <summary>
    /// Whether the store has had every migration this version knows, from one read of <see cref="HistoryTable"/>: no
    /// migration lock, no pending-migrations work. False for a new store (no history table yet). A store a later version
    /// has upgraded further counts as current, as it did when every command ran the migrator.
    /// </summary>
    public static async Task<bool> IsCurrentAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await IsCurrentAsync(db.Database.GetDbConnection(), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>As <see cref="IsCurrentAsync(ScrutineerDb, CancellationToken)"/>, on an open connection.</summary>
    public static async Task<bool> IsCurrentAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryTable}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            // No history table: a store never migrated.
            return false;
        }

        return Known.All(applied.Contains);
    }

    /// <summary>
    /// The identities of the migrations this version knows, oldest first: those EF applies (a <see cref="MigrationAttribute"/>
    /// on a migration of <see cref="ScrutineerDb"/>), read from the assembly without EF's migrations services.
    /// </summary>
    public static IReadOnlyList<string> Known { get; } = typeof(ScrutineerDb).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(ScrutineerDb))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The migrations applied to the store, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> AppliedAsync(ScrutineerDb db, CancellationToken cancellationToken = default) =>
        (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
}

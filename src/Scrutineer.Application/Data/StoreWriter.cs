using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Scrutineer.Application.Audit;

namespace Scrutineer.Application.Data;

/// <summary>
/// Writes the store over its plain connection inside one transaction, with no EF context: for a bulk import, where EF's
/// start-up and change tracking cost more than the work itself (docs/decisions/0181). Every row it adds or changes gets
/// the audit entry the store's save (<see cref="SaveInterceptor"/>) writes for it: the same columns, the values as
/// <see cref="RowText"/> writes them, one change set for the writer (one import, one user action). The columns of each
/// row are named by <see cref="StoreRows"/>, which a test holds to the model.
/// </summary>
public sealed class StoreWriter : StoreReader
{
    private const int AuditRowsPerBatch = 100;

    /// <summary>The PostgreSQL advisory lock imports take (<see cref="ExcludeOtherImportsAsync"/>): "SCRUTIMP" as a number.</summary>
    private const long ImportLock = 0x5343_5255_5449_4D50;
    private readonly bool sqlite;
    private readonly bool owned;
    private readonly Guid changeSet = Guid.NewGuid();
    private DateTimeOffset at = AuditContext.Clock.GetUtcNow();
    private readonly string actor = AuditContext.Actor;

    private StoreWriter(DbConnection connection, DbTransaction? transaction, bool owned, Func<ValueTask> release)
        : base(connection, transaction, release)
    {
        sqlite = connection is SqliteConnection;
        this.owned = owned;
    }

    /// <summary>
    /// Opens its own connection to <paramref name="location"/> when the store is there and its schema current (as
    /// <see cref="StoreReader.OpenAsync"/>); null when the store must first be made or upgraded. It reads at once; it
    /// writes once <see cref="BeginAsync"/> has begun its transaction, and nothing is kept unless <see cref="CommitAsync"/>
    /// is called.
    /// </summary>
    public static new async Task<StoreWriter?> OpenAsync(StoreLocation location, CancellationToken cancellationToken = default)
    {
        if (await OpenCurrentAsync(location, cancellationToken) is not { } connection)
        {
            return null;
        }

        StoreWriter? writer = null;
        writer = new StoreWriter(connection, null, owned: true, async () =>
        {
            if (writer?.Transaction is { } transaction)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
        });
        return writer;
    }

    /// <summary>Writes through <paramref name="db"/>'s connection, inside its current transaction, which its caller commits.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no transaction.</exception>
    public static StoreWriter For(ScrutineerDb db) =>
        new(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The store is written here inside the caller's transaction."), owned: false, () => ValueTask.CompletedTask);

    /// <summary>
    /// Begins the transaction everything is written in. Begun only when the writing starts, not when the store opens:
    /// SQLite's transaction holds the store's one write lock, and an import reads its files first (for minutes, for a
    /// national archive) while the web carries on saving.
    /// </summary>
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            return;
        }

        if (sqlite)
        {
            // As every open of the store for writing does (StoreSchema.UpgradeAsync): readers carry on while this writes.
            await using var wal = Command("PRAGMA journal_mode=WAL;");
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        Transaction = await Connection.BeginTransactionAsync(cancellationToken);
        // The audit entries' time is the writing's, not the opening's.
        at = AuditContext.Clock.GetUtcNow();
    }

    /// <summary>
    /// Waits until no other import writes, then holds the others off until this transaction ends: on SQLite the
    /// transaction already holds the store's one write lock; on PostgreSQL a transaction-level advisory lock does the
    /// same. Two imports at once then each read the areas and measures the other added, where otherwise both would add
    /// the same new force or measure and one would fail on its unique name.
    /// </summary>
    public async Task ExcludeOtherImportsAsync(CancellationToken cancellationToken)
    {
        Writing();
        if (!sqlite)
        {
            await ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("@key", ImportLock));
        }
    }

    /// <summary>Runs <paramref name="sql"/> (identifiers in double quotes, parameters as <c>@name</c>); the rows it touched.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        Writing();
        await using var command = Command(sql, parameters.Select(p => (p.Name, Value(p.Value))).ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Adds <paramref name="rows"/> to <paramref name="table"/>, each given by its columns but the key (<c>Id</c>, which the
    /// store gives); their keys in order. Each is audited as added, every column with its value.
    /// </summary>
    public async Task<List<long>> AddAsync(string table, IReadOnlyList<(string Column, object? Value)[]> rows, CancellationToken cancellationToken)
    {
        Writing();
        var ids = new List<long>(rows.Count);
        if (rows.Count == 0)
        {
            return ids;
        }

        var columns = rows[0].Select(c => c.Column).ToList();
        await using var command = Command($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}) RETURNING \"Id\"",
            columns.Select((_, i) => ($"@p{i}", (object?)null)).ToArray());
        var audit = new List<AuditEntry>(rows.Count);
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters[i].Value = Value(row[i].Value) ?? DBNull.Value;
            }

            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            ids.Add(id);
            var key = id.ToString(CultureInfo.InvariantCulture);
            audit.Add(Entry(AuditAction.Added, table, id,
                RowChanges.Json(row.Select(c => (c.Column, (string?)null, RowText.Stored(c.Value))).Append(("Id", null, key)))));
        }

        await AuditAsync(audit, cancellationToken);
        return ids;
    }

    /// <summary>
    /// Changes columns of the row of <paramref name="table"/> whose key is <paramref name="id"/>, audited as modified
    /// (the columns whose value changes, before and after).
    /// </summary>
    public async Task ChangeAsync(string table, long id, IReadOnlyList<(string Column, object? Before, object? After)> changes, CancellationToken cancellationToken)
    {
        var changed = changes.Where(c => !string.Equals(RowText.Stored(c.Before), RowText.Stored(c.After), StringComparison.Ordinal)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        await ExecuteAsync($"UPDATE \"{table}\" SET {string.Join(", ", changed.Select((c, i) => $"\"{c.Column}\" = @p{i}"))} WHERE \"Id\" = @id", cancellationToken,
            [.. changed.Select((c, i) => ($"@p{i}", c.After)), ("@id", id)]);
        await AuditAsync([Entry(AuditAction.Modified, table, id, RowChanges.Json(changed.Select(c => (c.Column, RowText.Stored(c.Before), RowText.Stored(c.After)))))],
            cancellationToken);
    }

    /// <summary>Keeps everything written; the writer then reads outside a transaction, and writes once begun again.</summary>
    /// <exception cref="InvalidOperationException">The writer writes in its caller's transaction (<see cref="For"/>), which the caller commits.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        var transaction = Writing();
        if (!owned)
        {
            throw new InvalidOperationException("This writer writes in its caller's transaction, which the caller commits.");
        }

        await transaction.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        Transaction = null;
    }

    /// <summary>The transaction written in.</summary>
    /// <exception cref="InvalidOperationException">None begun yet (<see cref="BeginAsync"/>).</exception>
    internal DbTransaction Writing() =>
        Transaction ?? throw new InvalidOperationException("The store is written inside a transaction: call BeginAsync first.");

    private AuditEntry Entry(AuditAction action, string table, long id, string changes) =>
        new(changeSet, at, actor, action, table, "Id=" + id.ToString(CultureInfo.InvariantCulture), changes);

    private async Task AuditAsync(List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var batch in entries.Chunk(AuditRowsPerBatch))
        {
            var sql = new StringBuilder("INSERT INTO \"AuditEntries\" (\"ChangeSet\", \"At\", \"Actor\", \"Action\", \"Entity\", \"Key\", \"Changes\") VALUES ");
            var parameters = new List<(string, object?)>();
            for (var i = 0; i < batch.Length; i++)
            {
                var e = batch[i];
                sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@s, @at, @by, @a{i}, @e{i}, @k{i}, @c{i})");
                parameters.AddRange([($"@a{i}", e.Action.ToString()), ($"@e{i}", e.Entity), ($"@k{i}", e.Key), ($"@c{i}", e.Changes)]);
            }

            parameters.AddRange([("@s", changeSet), ("@at", at), ("@by", batch[0].Actor)]);
            await ExecuteAsync(sql.ToString(), cancellationToken, [.. parameters]);
        }
    }

    /// <summary>A value as the engine's driver takes it for the column EF maps it to: on SQLite a key (Guid) as EF writes it, upper-case text.</summary>
    private object? Value(object? value) =>
        sqlite && value is Guid guid ? guid.ToString().ToUpperInvariant() : value;
}

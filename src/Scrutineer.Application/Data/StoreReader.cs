using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Scrutineer.Application.Data;

/// <summary>
/// Reads the store over its plain connection, with SQL both engines run alike: no EF context, no query translation.
/// The application's choices of plan and round and the round's status read through it, from the web's context
/// (<see cref="ReadAsync"/>, inside its transaction) and from a command that only reads (<see cref="OpenAsync"/>), which then
/// answers without EF's start-up (docs/decisions/0175). A read that still goes through EF asks for the context
/// (<see cref="Context"/>): the one read through, or one opened on the same store only then (docs/decisions/0183).
/// </summary>
public class StoreReader : IAsyncDisposable
{
    private readonly Func<ValueTask> release;
    private readonly Func<ScrutineerDb>? openContext;
    private ScrutineerDb? context;
    private bool ownsContext;

    private protected StoreReader(DbConnection connection, DbTransaction? transaction, Func<ValueTask> release)
    {
        Connection = connection;
        Transaction = transaction;
        this.release = release;
    }

    private StoreReader(DbConnection connection, DbTransaction? transaction, Func<ValueTask> release, ScrutineerDb? context, Func<ScrutineerDb>? openContext)
        : this(connection, transaction, release)
    {
        this.context = context;
        this.openContext = openContext;
    }

    /// <summary>The connection read through.</summary>
    internal DbConnection Connection { get; }

    /// <summary>The transaction read in, if any.</summary>
    internal DbTransaction? Transaction { get; private protected set; }

    /// <summary>
    /// Opens its own connection to <paramref name="location"/> when the store is there and its schema current (one read,
    /// <see cref="StoreSchema.IsCurrentAsync(DbConnection, CancellationToken)"/>); null when the store
    /// must first be made or upgraded, which only the context does (<see cref="StoreSchema.UpgradeAsync"/>).
    /// </summary>
    public static async Task<StoreReader?> OpenAsync(StoreLocation location, CancellationToken cancellationToken = default) =>
        await OpenCurrentAsync(location, cancellationToken) is { } connection ? new StoreReader(connection, null, connection.DisposeAsync, null, location.Open) : null;

    /// <summary>A connection opened to <paramref name="location"/> when its schema is current (<see cref="OpenAsync"/>); else null.</summary>
    private protected static async Task<DbConnection?> OpenCurrentAsync(StoreLocation location, CancellationToken cancellationToken)
    {
        DbConnection connection;
        if (location.Provider == StoreProvider.Sqlite)
        {
            var file = location.SqlitePath!;
            if (!File.Exists(file))
            {
                return null;
            }

            connection = new SqliteConnection(location.ConnectionString);
        }
        else
        {
            connection = PostgreSql(location);
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            if (await StoreSchema.IsCurrentAsync(connection, cancellationToken))
            {
                return connection;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    // Apart, so a command on SQLite never loads Npgsql.
    private static NpgsqlConnection PostgreSql(StoreLocation location) => new(location.ConnectionString);

    /// <summary>Reads through <paramref name="db"/>'s connection, inside its current transaction if it has one.</summary>
    private static async Task<StoreReader> ForAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return new StoreReader(connection, db.Database.CurrentTransaction?.GetDbTransaction(),
            opened ? () => new ValueTask(db.Database.CloseConnectionAsync()) : () => ValueTask.CompletedTask, db, null);
    }

    /// <summary>What <paramref name="read"/> reads through <paramref name="db"/>'s connection (<see cref="ForAsync"/>).</summary>
    public static async Task<T> ReadAsync<T>(ScrutineerDb db, Func<StoreReader, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await using var reader = await ForAsync(db, cancellationToken);
        return await read(reader);
    }

    /// <summary>
    /// The rows of <paramref name="sql"/> (identifiers in double quotes, parameters as <c>@name</c>), each read by
    /// <paramref name="read"/>.
    /// </summary>
    public async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A command of <paramref name="sql"/> in the transaction, with its parameters (null as NULL).</summary>
    private protected DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// The EF context for a read not written over the plain connection: the context this reader reads through
    /// (<see cref="ReadAsync"/>), or, for a reader on its own connection (<see cref="OpenAsync"/>), a context opened on
    /// the same store at the first call and disposed with the reader. A command that never calls it pays none of EF's
    /// start-up.
    /// </summary>
    /// <exception cref="InvalidOperationException">A writer: it writes in its own transaction, which a context would not see.</exception>
    public ScrutineerDb Context()
    {
        if (context is null)
        {
            context = (openContext ?? throw new InvalidOperationException("A store writer has no EF context: read through the writer's own connection."))();
            ownsContext = true;
        }

        return context;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (ownsContext)
        {
            await context!.DisposeAsync();
        }

        await release();
    }
}

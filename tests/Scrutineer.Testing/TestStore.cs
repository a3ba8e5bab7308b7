using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Scrutineer.Application.Data;
using Xunit;

namespace Scrutineer.Testing;

/// <summary>
/// A fresh, migrated store on a real engine for one test: an SQLite file in a temporary folder, or a new database
/// on the PostgreSQL server that ./test.sh starts (named by SCRUTINEER_TEST_POSTGRES). Dropped on dispose.
/// There is no fallback: without PostgreSQL the PostgreSQL rows fail, saying how to start it.
/// </summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string? sqliteFolder;
    private readonly string? postgresDatabase;

    private TestStore(StoreLocation location, string? sqliteFolder, string? postgresDatabase)
    {
        Location = location;
        this.sqliteFolder = sqliteFolder;
        this.postgresDatabase = postgresDatabase;
    }

    /// <summary>Both engines, for [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))].</summary>
    public static TheoryData<StoreProvider> Providers => new() { StoreProvider.Sqlite, StoreProvider.PostgreSql };

    /// <summary>Where the store is: pass <c>Location.ConnectionString</c> as <c>--db</c> to the CLI.</summary>
    public StoreLocation Location { get; }

    /// <summary>A value for <c>--db</c> that names this store.</summary>
    public string DbArgument => Location.Provider == StoreProvider.Sqlite
        ? new SqliteConnectionStringBuilder(Location.ConnectionString).DataSource
        : Location.ConnectionString;

    /// <summary>Creates and migrates an empty store (with <paramref name="migrate"/> false: an empty SQLite file or database, never migrated).</summary>
    public static async Task<TestStore> CreateAsync(StoreProvider provider, bool migrate = true)
    {
        TestStore store;
        if (provider == StoreProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            store = new TestStore(StoreLocation.Resolve(Path.Combine(folder, "test.db")), folder, null);
            if (!migrate)
            {
                // An empty file, as an empty PostgreSQL database is: there, but never migrated (only init, demo and serve
                // create a store file that is not there).
                await File.WriteAllBytesAsync(Path.Combine(folder, "test.db"), []);
            }
        }
        else
        {
            var server = PostgresServer();
            var name = "scrutineer_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            store = new TestStore(StoreLocation.Resolve(builder.ConnectionString), null, name);
        }

        if (migrate)
        {
            await using var db = store.Open();
            await StoreSchema.UpgradeAsync(db);
        }

        return store;
    }

    /// <summary>A new context on the store (dispose it).</summary>
    public ScrutineerDb Open() => Location.Open();

    /// <summary>The PostgreSQL server's connection string.</summary>
    /// <exception cref="InvalidOperationException">SCRUTINEER_TEST_POSTGRES is not set.</exception>
    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable("SCRUTINEER_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "PostgreSQL tests need a server: run ./test.sh, which installs and starts one on 127.0.0.1 and sets SCRUTINEER_TEST_POSTGRES.");

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (sqliteFolder is not null)
        {
            try
            {
                Directory.Delete(sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pooled connection; the temp folder is cleared by the OS.
            }
        }

        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

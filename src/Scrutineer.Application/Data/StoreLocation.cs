using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Scrutineer.Application.Data;

/// <summary>
/// Where the store is: an SQLite file path or a PostgreSQL connection string ("Host=…;Database=…").
/// Chosen by <c>--db</c>, else the <c>SCRUTINEER_DB</c> environment variable, else <see cref="DefaultSqlitePath"/>.
/// </summary>
public sealed record StoreLocation(StoreProvider Provider, string ConnectionString, string Description)
{
    /// <summary>The environment variable that names the store when <c>--db</c> is not given.</summary>
    public const string EnvironmentVariable = "SCRUTINEER_DB";

    /// <summary>~/.local/share/scrutineer/scrutineer.db on Linux (the user's local application data folder).</summary>
    public static string DefaultSqlitePath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "scrutineer", "scrutineer.db");

    /// <summary>Resolves <paramref name="db"/> (or the environment, or the default) to a location.</summary>
    /// <exception cref="ArgumentException">A PostgreSQL connection string that does not parse.</exception>
    public static StoreLocation Resolve(string? db)
    {
        var value = string.IsNullOrWhiteSpace(db) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : db;
        if (string.IsNullOrWhiteSpace(value))
        {
            value = DefaultSqlitePath;
        }

        value = value.Trim();
        if (LooksLikePostgreSql(value))
        {
            return PostgreSql(value);
        }

        var path = value.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
            ? new SqliteConnectionStringBuilder(value).DataSource
            : value;
        var full = Path.GetFullPath(path);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        };
        return new StoreLocation(StoreProvider.Sqlite, sqlite.ConnectionString, $"SQLite file {full}");
    }

    /// <summary>The SQLite file's full path; null for PostgreSQL.</summary>
    public string? SqlitePath => Provider == StoreProvider.Sqlite ? new SqliteConnectionStringBuilder(ConnectionString).DataSource : null;

    /// <summary>Options for a <see cref="ScrutineerDb"/> on this store.</summary>
    public DbContextOptions<ScrutineerDb> Options()
    {
        var builder = new DbContextOptionsBuilder<ScrutineerDb>();
        Configure(builder);
        return builder.Options;
    }

    /// <summary>
    /// Configures <paramref name="builder"/> for this store (also used by the web host's registration): the engine, the
    /// compiled model of that engine (no model building at start-up: docs/decisions/0142), and the audit.
    /// </summary>
    public void Configure(DbContextOptionsBuilder builder)
    {
        ConfigureEngine(builder);
        if (StoreModel.For(Provider) is { } model)
        {
            builder.UseModel(model);
        }


        // Migrations are written by hand (docs/decisions/0003), so EF has no model snapshot to compare the model with.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

        // Every change is audited in its own transaction and moves edit versions on: see docs/decisions/0050.
        builder.AddInterceptors(SaveInterceptor.Instance);
    }

    /// <summary>
    /// The engine and its schema history table alone, so the model is built from <c>OnModelCreating</c>: what the compiled
    /// models are generated from (scripts/compile-model.sh) and what the test that they are current compares them with.
    /// </summary>
    public void ConfigureEngine(DbContextOptionsBuilder builder)
    {
        if (Provider == StoreProvider.PostgreSql)
        {
            UsePostgreSql(builder);
        }
        else
        {
            builder.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(StoreSchema.HistoryTable));
        }
    }

    // Apart, so a command on SQLite never loads the PostgreSQL provider's assemblies.
    private void UsePostgreSql(DbContextOptionsBuilder builder) =>
        builder.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(StoreSchema.HistoryTable));

    /// <summary>Opens a context on this store, creating the file's folder for SQLite.</summary>
    public ScrutineerDb Open()
    {
        if (Provider == StoreProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(SqlitePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return new ScrutineerDb(Options());
    }

    // Apart, so a command on SQLite never loads Npgsql.
    private static StoreLocation PostgreSql(string value)
    {
        var builder = new NpgsqlConnectionStringBuilder(value);
        return new StoreLocation(StoreProvider.PostgreSql, builder.ConnectionString,
            $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}");
    }

    private static bool LooksLikePostgreSql(string value) =>
        value.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("Server=", StringComparison.OrdinalIgnoreCase) && !value.Contains("Data Source", StringComparison.OrdinalIgnoreCase);
}

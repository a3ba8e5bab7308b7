using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Backup;

/// <summary>
/// Backs a store up to one file and restores it. SQLite: the online backup API (consistent while the web app keeps
/// writing), giving a self-contained SQLite file. PostgreSQL: <c>pg_dump --format=custom</c> and <c>pg_restore</c>
/// (found on PATH, or in <c>SCRUTINEER_PG_BIN</c>), as docs/deployment.md describes. A restore goes only into an empty
/// store unless <c>replace</c> is given, and upgrades the restored schema to the current one.
/// </summary>
public static class StoreBackup
{
    /// <summary>Names a folder holding pg_dump and pg_restore when they are not on PATH.</summary>
    public const string PgBinEnvironmentVariable = "SCRUTINEER_PG_BIN";

    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly byte[] PgDumpHeader = Encoding.ASCII.GetBytes("PGDMP");

    /// <summary>Writes a backup of <paramref name="store"/> to <paramref name="outFile"/> (replacing it only once complete).</summary>
    /// <exception cref="DomainException">The store does not exist, or pg_dump failed or is missing.</exception>
    public static async Task<BackupResult> BackupAsync(StoreLocation store, string outFile, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(outFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            string format;
            if (store.Provider == StoreProvider.Sqlite)
            {
                BackupSqlite(store, partial);
                format = "SQLite database";
            }
            else
            {
                await RunPgToolAsync("pg_dump", store, ["--format=custom", "--no-owner", "--file=" + partial], cancellationToken);
                format = "PostgreSQL custom-format dump";
            }

            File.Move(partial, target, overwrite: true);
            return new BackupResult(target, new FileInfo(target).Length, format);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Restores <paramref name="file"/> into <paramref name="store"/>, then upgrades its schema.</summary>
    /// <exception cref="DomainException">
    /// The file is missing, is not a backup for this kind of store, or is damaged; the store already holds data and
    /// <paramref name="replace"/> is false; or pg_restore failed.
    /// </exception>
    public static async Task RestoreAsync(StoreLocation store, string file, bool replace, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new DomainException($"Backup file {source} does not exist.");
        }

        var kind = await KindOfAsync(source, cancellationToken);
        var expected = store.Provider == StoreProvider.Sqlite ? "an SQLite backup (made by 'scrutineer backup' from an SQLite store)" : "a PostgreSQL custom-format dump (made by 'scrutineer backup' or pg_dump --format=custom)";
        if (kind != store.Provider)
        {
            var found = kind switch
            {
                StoreProvider.Sqlite => "an SQLite backup",
                StoreProvider.PostgreSql => "a PostgreSQL dump",
                null => "neither an SQLite backup nor a PostgreSQL dump",
            };
            throw new DomainException($"{source} is {found}; the store ({store.Description}) needs {expected}.");
        }

        if (!replace && await HoldsDataAsync(store, cancellationToken))
        {
            throw new DomainException(
                $"The store ({store.Description}) already holds data. Restore into an empty store, or pass --replace to overwrite it with the backup.");
        }

        if (store.Provider == StoreProvider.Sqlite)
        {
            RestoreSqlite(source, store);
        }
        else
        {
            string[] arguments = replace
                ? ["--no-owner", "--exit-on-error", "--single-transaction", "--clean", "--if-exists", source]
                : ["--no-owner", "--exit-on-error", "--single-transaction", source];
            await RunPgToolAsync("pg_restore", store, arguments, cancellationToken);
            NpgsqlConnection.ClearAllPools();
        }

        await using var db = store.Open();
        await StoreSchema.UpgradeAsync(db, cancellationToken);
    }

    private static void BackupSqlite(StoreLocation store, string partial)
    {
        var path = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        if (!File.Exists(path))
        {
            throw new DomainException($"There is no store to back up at {path}.");
        }

        using var source = new SqliteConnection(new SqliteConnectionStringBuilder(store.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString);
        source.Open();
        destination.Open();
        source.BackupDatabase(destination);

        // A self-contained file: no write-ahead log beside it.
        using var pragma = destination.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=DELETE;";
        pragma.ExecuteNonQuery();
        pragma.CommandText = "PRAGMA integrity_check;";
        var check = pragma.ExecuteScalar() as string;
        if (!string.Equals(check, "ok", StringComparison.Ordinal))
        {
            throw new DomainException($"The backup of {path} failed its integrity check: {check}.");
        }
    }

    private static void RestoreSqlite(string source, StoreLocation store)
    {
        using (var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString))
        {
            backup.Open();
            using var check = backup.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            string? result;
            try
            {
                result = check.ExecuteScalar() as string;
            }
            catch (SqliteException ex)
            {
                throw new DomainException($"{source} is damaged and cannot be restored: {ex.Message}");
            }

            if (!string.Equals(result, "ok", StringComparison.Ordinal))
            {
                throw new DomainException($"{source} is damaged and cannot be restored: {result}.");
            }

            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__SchemaHistory';";
            if (Convert.ToInt64(check.ExecuteScalar(), EnGb.Culture) == 0)
            {
                throw new DomainException($"{source} is an SQLite file but not a Scrutineer store (it has no schema history).");
            }

            using var target = store.Open();
            var path = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            using var destination = new SqliteConnection(new SqliteConnectionStringBuilder(store.ConnectionString) { DataSource = path, Pooling = false }.ConnectionString);
            destination.Open();
            backup.BackupDatabase(destination);
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task<StoreProvider?> KindOfAsync(string file, CancellationToken cancellationToken)
    {
        var head = new byte[16];
        await using var stream = File.OpenRead(file);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read >= SqliteHeader.Length && head.AsSpan(0, SqliteHeader.Length).SequenceEqual(SqliteHeader))
        {
            return StoreProvider.Sqlite;
        }

        return read >= PgDumpHeader.Length && head.AsSpan(0, PgDumpHeader.Length).SequenceEqual(PgDumpHeader) ? StoreProvider.PostgreSql : null;
    }

    private static async Task<bool> HoldsDataAsync(StoreLocation store, CancellationToken cancellationToken)
    {
        if (store.Provider == StoreProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            if (!File.Exists(path) || new FileInfo(path).Length == 0)
            {
                return false;
            }

            await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(store.ConnectionString) { Pooling = false }.ConnectionString);
            await sqlite.OpenAsync(cancellationToken);
            await using var count = sqlite.CreateCommand();
            count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
            return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), EnGb.Culture) > 0;
        }

        await using var postgres = new NpgsqlConnection(store.ConnectionString);
        await postgres.OpenAsync(cancellationToken);
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public';", postgres);
        return (long)(await tables.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static async Task RunPgToolAsync(string tool, StoreLocation store, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(store.ConnectionString);
        var start = new ProcessStartInfo(FindPgTool(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--host=" + connection.Host);
        start.ArgumentList.Add("--port=" + connection.Port.ToString(EnGb.Culture));
        if (!string.IsNullOrEmpty(connection.Username))
        {
            start.ArgumentList.Add("--username=" + connection.Username);
        }

        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add("--dbname=" + connection.Database);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The password goes through the environment, never the command line (visible to other users in ps).
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        if (connection.SslMode != SslMode.Disable && connection.SslMode != SslMode.Prefer)
        {
            start.Environment["PGSSLMODE"] = connection.SslMode.ToString().ToLowerInvariant();
        }

        using var process = Process.Start(start) ?? throw new DomainException($"{tool} could not be started.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var message = (await error).Trim();
        _ = await output;
        if (process.ExitCode != 0)
        {
            throw new DomainException($"{tool} failed (exit code {process.ExitCode}) for {store.Description}: {message}");
        }
    }

    private static string FindPgTool(string tool)
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable(PgBinEnvironmentVariable) is { Length: > 0 } bin)
        {
            folders.Add(bin);
        }

        folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DomainException(
            $"{tool} was not found. Install the PostgreSQL client tools matching the server's version (Debian: postgresql-client) or set {PgBinEnvironmentVariable} to the folder that holds {tool}.");
    }
}

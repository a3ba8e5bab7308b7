using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Backup;

/// <summary>
/// Backs a store up to one file and restores it. SQLite: the online backup API (consistent while the web app keeps
/// writing), giving a self-contained SQLite file. PostgreSQL: <c>pg_dump --format=custom</c> and <c>pg_restore</c>
/// (<see cref="PgTools"/>), as docs/deployment.md describes. Files are readable by their owner only, and encrypted with
/// GnuPG when a key file is given (<see cref="BackupEncryption"/>). A restore goes only into an empty store unless
/// <c>replace</c> is given, refuses to erase audit history newer than the backup unless told to, upgrades the restored
/// schema to the current one and is itself recorded in the audit trail.
/// </summary>
public static class StoreBackup
{
    /// <summary>Names a folder holding pg_dump and pg_restore when they are not on PATH.</summary>
    public const string PgBinEnvironmentVariable = PgTools.BinEnvironmentVariable;

    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");
    private static readonly byte[] PgDumpHeader = Encoding.ASCII.GetBytes("PGDMP");

    /// <summary>
    /// Writes a backup of <paramref name="store"/> to <paramref name="outFile"/> (mode 0600, replacing it only once
    /// complete), encrypted when <paramref name="keyFile"/> is given.
    /// </summary>
    /// <exception cref="DomainException">The store does not exist, or pg_dump or gpg failed or is missing.</exception>
    public static async Task<BackupResult> BackupAsync(StoreLocation store, string outFile, string? keyFile = null, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(outFile);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        var plain = target + ".plain.partial";
        try
        {
            OwnerOnly.Create(plain);
            string format;
            if (store.Provider == StoreProvider.Sqlite)
            {
                File.Delete(plain);
                BackupSqlite(store, plain);
                format = "SQLite database";
            }
            else
            {
                await PgTools.RunAsync("pg_dump", store, ["--format=custom", "--no-owner", "--file=" + plain], cancellationToken);
                format = "PostgreSQL custom-format dump";
            }

            OwnerOnly.Restrict(plain);
            if (keyFile is not null)
            {
                OwnerOnly.Create(partial);
                await BackupEncryption.EncryptAsync(plain, partial, keyFile, cancellationToken);
                OwnerOnly.Restrict(partial);
                format += ", encrypted with GnuPG (AES-256)";
            }
            else
            {
                File.Move(plain, partial, overwrite: true);
            }

            File.Move(partial, target, overwrite: true);
            return new BackupResult(target, new FileInfo(target).Length, format);
        }
        finally
        {
            File.Delete(partial);
            File.Delete(plain);
        }
    }

    /// <summary>
    /// Reads a backup without restoring it (decrypting it first when it is encrypted): its kind, schema version and
    /// audit trail. A file that is damaged, of another kind or encrypted with another key is refused.
    /// </summary>
    /// <exception cref="DomainException">The file is missing, not a backup, damaged, or cannot be decrypted.</exception>
    public static async Task<(BackupContents Contents, bool Encrypted)> VerifyAsync(string file, string? keyFile = null, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(file);
        await using var opened = await OpenAsync(source, keyFile, cancellationToken);
        return (await ContentsAsync(opened, cancellationToken), opened.Encrypted);
    }

    /// <summary>
    /// Restores <paramref name="file"/> into <paramref name="store"/>, then upgrades its schema and records the restore
    /// in the audit trail (as the store setting "last-restore").
    /// </summary>
    /// <exception cref="DomainException">
    /// The file is missing, is not a backup for this kind of store, is damaged or cannot be decrypted; the store already
    /// holds data and <paramref name="replace"/> is false; the store's audit trail has entries newer than the backup's
    /// and <paramref name="discardNewerAudit"/> is false; or pg_restore failed.
    /// </exception>
    public static async Task<RestoreResult> RestoreAsync(StoreLocation store, string file, bool replace, bool discardNewerAudit = false, string? keyFile = null, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(file);
        await using var opened = await OpenAsync(source, keyFile, cancellationToken);
        var expected = store.Provider == StoreProvider.Sqlite ? "an SQLite backup (made by 'scrutineer backup' from an SQLite store)" : "a PostgreSQL custom-format dump (made by 'scrutineer backup' or pg_dump --format=custom)";
        if (opened.Kind != store.Provider)
        {
            var found = opened.Kind switch
            {
                StoreProvider.Sqlite => "an SQLite backup",
                StoreProvider.PostgreSql => "a PostgreSQL dump",
                null => "neither an SQLite backup nor a PostgreSQL dump",
            };
            throw new DomainException($"{source} is {found}; the store ({store.Description}) needs {expected}.");
        }

        var holdsData = await HoldsDataAsync(store, cancellationToken);
        if (!replace && holdsData)
        {
            throw new DomainException(
                $"The store ({store.Description}) already holds data. Restore into an empty store, or pass --replace to overwrite it with the backup.");
        }

        var contents = await ContentsAsync(opened, cancellationToken);
        var newer = holdsData ? await NewerAuditAsync(store, contents.NewestAuditId ?? 0, cancellationToken) : (0, null);
        if (newer.Count > 0 && !discardNewerAudit)
        {
            throw new DomainException(
                $"The store's audit trail holds {newer.Count:N0} {(newer.Count == 1 ? "entry" : "entries")} newer than the backup's newest (the latest written {newer.Latest:yyyy-MM-dd HH:mm} UTC); "
                + "restoring would erase them. Back the store up first (scrutineer backup --out FILE), then restore with --discard-newer-audit if you mean to erase them.");
        }

        if (store.Provider == StoreProvider.Sqlite)
        {
            RestoreSqlite(opened.PlainFile, store);
        }
        else
        {
            string[] arguments = replace
                ? ["--no-owner", "--exit-on-error", "--single-transaction", "--clean", "--if-exists", opened.PlainFile]
                : ["--no-owner", "--exit-on-error", "--single-transaction", opened.PlainFile];
            await PgTools.RunAsync("pg_restore", store, arguments, cancellationToken);
            NpgsqlConnection.ClearAllPools();
        }

        await using var db = store.Open();
        await StoreSchema.UpgradeAsync(db, cancellationToken);
        var result = new RestoreResult(source, await Sha256Async(source, cancellationToken), contents, newer.Count);
        var setting = await db.StoreSettings.FindAsync([StoreSetting.LastRestore], cancellationToken);
        if (setting is null)
        {
            db.StoreSettings.Add(new StoreSetting(StoreSetting.LastRestore, result.Describe()));
        }
        else
        {
            setting.Value = result.Describe();
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static void BackupSqlite(StoreLocation store, string partial)
    {
        var path = store.SqlitePath!;
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

    /// <summary>Refuses an SQLite file that is damaged or is not a Scrutineer store.</summary>
    private static void CheckSqlite(string plainFile, string source)
    {
        using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = plainFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
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
    }

    private static void RestoreSqlite(string plainFile, StoreLocation store)
    {
        using (var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = plainFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString))
        {
            backup.Open();
            using var target = store.Open();
            var path = store.SqlitePath!;
            using var destination = new SqliteConnection(new SqliteConnectionStringBuilder(store.ConnectionString) { DataSource = path, Pooling = false }.ConnectionString);
            destination.Open();
            backup.BackupDatabase(destination);
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>The backup as a plain file (decrypted into a temporary 0600 file when it is encrypted) and its kind.</summary>
    private static async Task<OpenedBackup> OpenAsync(string source, string? keyFile, CancellationToken cancellationToken)
    {
        if (!File.Exists(source))
        {
            throw new DomainException($"Backup file {source} does not exist.");
        }

        var head = await HeadAsync(source, cancellationToken);
        if (!BackupEncryption.LooksEncrypted(head))
        {
            return new OpenedBackup(source, KindOf(head), Encrypted: false) { SourceName = source };
        }

        var plain = Path.Combine(Path.GetTempPath(), "scrutineer-restore-" + Guid.NewGuid().ToString("N"));
        try
        {
            await BackupEncryption.DecryptAsync(source, plain, keyFile, cancellationToken);
            return new OpenedBackup(plain, KindOf(await HeadAsync(plain, cancellationToken)), Encrypted: true) { SourceName = source };
        }
        catch
        {
            File.Delete(plain);
            throw;
        }
    }

    private static async Task<byte[]> HeadAsync(string file, CancellationToken cancellationToken)
    {
        var head = new byte[16];
        await using var stream = File.OpenRead(file);
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return head[..read];
    }

    private static StoreProvider? KindOf(byte[] head) =>
        head.AsSpan().StartsWith(SqliteHeader) ? StoreProvider.Sqlite
        : head.AsSpan().StartsWith(PgDumpHeader) ? StoreProvider.PostgreSql
        : null;

    private static async Task<BackupContents> ContentsAsync(OpenedBackup opened, CancellationToken cancellationToken)
    {
        switch (opened.Kind)
        {
            case StoreProvider.Sqlite:
                CheckSqlite(opened.PlainFile, opened.SourceName);
                return BackupContents.OfSqlite(opened.PlainFile);
            case StoreProvider.PostgreSql:
                // The whole table of contents must read (a truncated or damaged dump fails here), then the two tables' data.
                await PgTools.RunOfflineAsync("pg_restore", ["--list", opened.PlainFile], cancellationToken);
                var history = await PgTools.RunOfflineAsync("pg_restore", ["--data-only", "--table=__SchemaHistory", "--file=-", opened.PlainFile], cancellationToken);
                var audit = await PgTools.RunOfflineAsync("pg_restore", ["--data-only", "--table=AuditEntries", "--file=-", opened.PlainFile], cancellationToken);
                return BackupContents.OfPgDump(history, audit);
            default:
                throw new DomainException($"{opened.SourceName} is neither an SQLite backup nor a PostgreSQL dump made by 'scrutineer backup'.");
        }
    }

    /// <summary>How many of the store's audit entries are newer than <paramref name="newestInBackup"/>, and when the latest was written.</summary>
    private static async Task<(int Count, DateTimeOffset? Latest)> NewerAuditAsync(StoreLocation store, long newestInBackup, CancellationToken cancellationToken)
    {
        await using var db = store.Open();
        try
        {
            var newer = await db.AuditEntries.AsNoTracking().Where(e => e.Id > newestInBackup).Select(e => new { e.Id, e.At }).ToListAsync(cancellationToken);
            return (newer.Count, newer.Count == 0 ? null : newer.MaxBy(e => e.Id)!.At.ToUniversalTime());
        }
        catch (Exception ex) when (ex is SqliteException or PostgresException)
        {
            return (0, null); // a store without an audit table yet has no history to lose
        }
    }

    private static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static async Task<bool> HoldsDataAsync(StoreLocation store, CancellationToken cancellationToken)
    {
        if (store.Provider == StoreProvider.Sqlite)
        {
            var path = store.SqlitePath!;
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
}

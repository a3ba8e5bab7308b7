using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Plans;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Backup;

public sealed class BackupRestoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "scrutineer-tests", "backup-" + Guid.NewGuid().ToString("N"));

    public BackupRestoreTests() => Directory.CreateDirectory(folder);

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task BackupThenRestoreIntoEmptyStore_EveryTableIsIdentical(StoreProvider provider)
    {
        await using var source = await TestStore.CreateAsync(provider);
        await Seed.CreateAsync(source, new TestClock(), actor: "backup-test");
        var file = Path.Combine(folder, "store.backup");

        var backup = await Cli.RunAsync("backup", "--out", file, "--db", source.DbArgument);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("Backed up", backup.Out, StringComparison.Ordinal);

        await using var target = await TestStore.CreateAsync(provider, migrate: false);
        var restore = await Cli.RunAsync("restore", file, "--db", target.DbArgument);
        Assert.True(restore.ExitCode == 0, restore.Error);

        var before = await DumpAsync(source);
        var after = await DumpAsync(target);
        Assert.Contains("AuditEntries", before.Keys);
        Assert.Contains("Updates", before.Keys);
        Assert.True(before["Updates"].Count > 0 && before["AuditEntries"].Count > 0);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var table in before.Keys)
        {
            Assert.Equal(before[table], after[table]);
        }

        // The restored store carries on: identities continue after the restored rows.
        await using var db = target.Open();
        db.Units.Add(new Unit("After Restore", "AR", UnitKind.Team));
        await db.SaveChangesAsync();
        Assert.Equal(3, await db.Units.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Restore_IntoAStoreWithData_IsRefusedAndTheStoreUnchanged(StoreProvider provider)
    {
        await using var source = await TestStore.CreateAsync(provider);
        await Seed.CreateAsync(source, new TestClock());
        var file = Path.Combine(folder, "store.backup");
        Assert.Equal(0, (await Cli.RunAsync("backup", "--out", file, "--db", source.DbArgument)).ExitCode);
        await using var target = await TestStore.CreateAsync(provider);
        await using (var db = target.Open())
        {
            db.Units.Add(new Unit("Existing", "EX", UnitKind.Team));
            await db.SaveChangesAsync();
        }

        var before = await DumpAsync(target);
        var refused = await Cli.RunAsync("restore", file, "--db", target.DbArgument);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already holds data", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--replace", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await DumpAsync(target));

        var replaced = await Cli.RunAsync("restore", file, "--replace", "--db", target.DbArgument);
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        Assert.Equal(await DumpAsync(source), await DumpAsync(target));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Restore_FileThatIsNotABackup_SaysWhatItIsAndWhatWasExpected(StoreProvider provider)
    {
        await using var target = await TestStore.CreateAsync(provider, migrate: false);
        var file = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(file, "Id,Name\n1,not a backup\n");

        var run = await Cli.RunAsync("restore", file, "--db", target.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(file, run.Error, StringComparison.Ordinal);
        Assert.Contains("neither an SQLite backup nor a PostgreSQL dump", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_DamagedSqliteBackup_IsRefusedNamingTheFile()
    {
        await using var source = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Seed.CreateAsync(source, new TestClock());
        var file = Path.Combine(folder, "store.backup");
        Assert.Equal(0, (await Cli.RunAsync("backup", "--out", file, "--db", source.DbArgument)).ExitCode);
        var bytes = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
        await using var target = await TestStore.CreateAsync(StoreProvider.Sqlite, migrate: false);

        var run = await Cli.RunAsync("restore", file, "--db", target.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(file, run.Error, StringComparison.Ordinal);
        Assert.Contains("damaged", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Backup_FileIsReadableByItsOwnerOnly(StoreProvider provider)
    {
        await using var source = await TestStore.CreateAsync(provider);
        await Seed.CreateAsync(source, new TestClock());
        var file = Path.Combine(folder, "store.backup");

        var run = await Cli.RunAsync("backup", "--out", file, "--db", source.DbArgument);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task EncryptedBackup_VerifiesAndRestoresOnlyWithItsKey(StoreProvider provider)
    {
        await using var source = await TestStore.CreateAsync(provider);
        await Seed.CreateAsync(source, new TestClock(), actor: "backup-test");
        var key = Path.Combine(folder, "backup.key");
        var wrongKey = Path.Combine(folder, "wrong.key");
        await File.WriteAllTextAsync(key, "correct horse battery staple 2026");
        await File.WriteAllTextAsync(wrongKey, "another passphrase entirely");
        var file = Path.Combine(folder, "store.backup.gpg");

        var backup = await Cli.RunAsync("backup", "--out", file, "--key-file", key, "--db", source.DbArgument);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("encrypted with GnuPG (AES-256)", backup.Out, StringComparison.Ordinal);
        var head = (await File.ReadAllBytesAsync(file))[..16];
        Assert.DoesNotContain("SQLite", System.Text.Encoding.ASCII.GetString(head), StringComparison.Ordinal);
        Assert.DoesNotContain("PGDMP", System.Text.Encoding.ASCII.GetString(head), StringComparison.Ordinal);

        var noKey = await Cli.RunAsync("backup", "verify", file);
        Assert.Equal(1, noKey.ExitCode);
        Assert.Contains($"{file} is encrypted. Give the key file it was encrypted with: --key-file FILE (or set SCRUTINEER_BACKUP_KEY_FILE).", noKey.Error, StringComparison.Ordinal);
        var wrong = await Cli.RunAsync("backup", "verify", file, "--key-file", wrongKey);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains($"gpg could not decrypt {file} (is the key file the one it was encrypted with?)", wrong.Error, StringComparison.Ordinal);

        var verify = await Cli.RunAsync("backup", "verify", file, "--key-file", key);
        Assert.True(verify.ExitCode == 0, verify.Error);
        Assert.Contains("is a sound " + (provider == StoreProvider.Sqlite ? "SQLite database" : "PostgreSQL custom-format dump") + ", encrypted.", verify.Out, StringComparison.Ordinal);
        await using (var db = source.Open())
        {
            var newest = await db.AuditEntries.MaxAsync(e => e.Id);
            Assert.Contains($"Audit trail: {await db.AuditEntries.CountAsync():N0} entries, the newest (Id {newest})", verify.Out, StringComparison.Ordinal);
        }

        await using var target = await TestStore.CreateAsync(provider, migrate: false);
        var restore = await Cli.RunAsync("restore", file, "--key-file", key, "--db", target.DbArgument);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal(await DumpAsync(source), await DumpAsync(target));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "scrutineer-restore-*"));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Restore_WouldEraseNewerAuditHistory_RefusedUnlessTold(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await Seed.CreateAsync(store, new TestClock(), actor: "before-backup");
        var file = Path.Combine(folder, "store.backup");
        Assert.Equal(0, (await Cli.RunAsync("backup", "--out", file, "--db", store.DbArgument)).ExitCode);
        using (AuditContext.Begin("after-backup"))
        {
            await using var db = store.Open();
            db.Units.Add(new Unit("Later Unit", "LU", UnitKind.Team));
            await db.SaveChangesAsync();
        }

        var before = await DumpAsync(store);
        var refused = await Cli.RunAsync("restore", file, "--replace", "--db", store.DbArgument);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("The store's audit trail holds 1 entry newer than the backup's newest", refused.Error, StringComparison.Ordinal);
        Assert.Contains("restoring would erase them. Back the store up first (scrutineer backup --out FILE), then restore with --discard-newer-audit if you mean to erase them.", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, await DumpAsync(store));

        var told = await Cli.RunAsync("restore", file, "--replace", "--discard-newer-audit", "--db", store.DbArgument);
        Assert.True(told.ExitCode == 0, told.Error);
        Assert.Contains("1 newer audit entries were discarded, as --discard-newer-audit asked.", told.Out, StringComparison.Ordinal);
        await using var after = store.Open();
        Assert.False(await after.Units.AnyAsync(u => u.Name == "Later Unit"));
        Assert.Contains("1 newer audit entries discarded", (await after.StoreSettings.SingleAsync(s => s.Name == StoreSetting.LastRestore)).Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Restore_IsRecordedInTheAuditTrail(StoreProvider provider)
    {
        await using var source = await TestStore.CreateAsync(provider);
        await Seed.CreateAsync(source, new TestClock());
        var file = Path.Combine(folder, "store.backup");
        Assert.Equal(0, (await Cli.RunAsync("backup", "--out", file, "--db", source.DbArgument)).ExitCode);
        await using var target = await TestStore.CreateAsync(provider, migrate: false);

        var restore = await Cli.RunAsync("restore", file, "--db", target.DbArgument);

        Assert.True(restore.ExitCode == 0, restore.Error);
        await using var db = target.Open();
        var entry = await db.AuditEntries.Where(e => e.Entity == "StoreSettings").OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal("cli:" + Environment.UserName, entry.Actor);
        Assert.Contains("store.backup (SHA-256 ", entry.Changes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("VerifyFull")]
    [InlineData("VerifyCA")]
    public async Task BackupAndRestore_OverVerifiedTls_Work(string mode)
    {
        var ca = Environment.GetEnvironmentVariable("SCRUTINEER_TEST_POSTGRES_CA") is { Length: > 0 } named
            ? named
            : throw new InvalidOperationException("This test needs the test PostgreSQL server's TLS CA: run ./test.sh, which makes one and sets SCRUTINEER_TEST_POSTGRES_CA.");
        await using var source = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await Seed.CreateAsync(source, new TestClock());
        await using var target = await TestStore.CreateAsync(StoreProvider.PostgreSql, migrate: false);
        string Verified(TestStore store) => store.Location.ConnectionString + $";SSL Mode={mode};Root Certificate={ca}";
        var file = Path.Combine(folder, "store.backup");

        var backup = await Cli.RunAsync("backup", "--out", file, "--db", Verified(source));
        var restore = await Cli.RunAsync("restore", file, "--db", Verified(target));

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal(await DumpAsync(source), await DumpAsync(target));
    }

    [Fact]
    public async Task Backup_NoStoreThere_SaysSo()
    {
        var missing = Path.Combine(folder, "missing.db");

        var run = await Cli.RunAsync("backup", "--out", Path.Combine(folder, "x.backup"), "--db", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"There is no store to back up at {missing}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    /// <summary>
    /// Every table (including the schema history) as sorted rows of text, leaving out the record of the restore itself
    /// (the "last-restore" store setting and its audit entries; <see cref="Restore_IsRecordedInTheAuditTrail"/> checks them).
    /// </summary>
    internal static async Task<Dictionary<string, List<string>>> DumpAsync(TestStore store)
    {
        await using var db = store.Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = store.Location.Provider == StoreProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            var rows = new List<string>();
            await using DbDataReader reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.GetName(i) + "=" + Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
                if (!row.Contains(StoreSetting.LastRestore, StringComparison.Ordinal))
                {
                    rows.Add(row);
                }
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }

        return dump;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

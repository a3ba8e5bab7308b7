using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
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

    [Fact]
    public async Task Backup_NoStoreThere_SaysSo()
    {
        var missing = Path.Combine(folder, "missing.db");

        var run = await Cli.RunAsync("backup", "--out", Path.Combine(folder, "x.backup"), "--db", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"There is no store to back up at {missing}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    /// <summary>Every table (including the schema history) as sorted rows of text.</summary>
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
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.GetName(i) + "=" + Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
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

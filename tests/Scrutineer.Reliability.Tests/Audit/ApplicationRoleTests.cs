using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Plans;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Audit;

/// <summary>
/// The application's PostgreSQL role (granted by <c>init --grant-to</c>) does its work but cannot touch the schema or
/// the audit trail: no DROP TRIGGER, no ALTER TABLE, no DELETE, UPDATE or TRUNCATE on the audit table, no new tables.
/// </summary>
public sealed class ApplicationRoleTests : IAsyncLifetime
{
    private readonly string role = "scrutineer_app_" + Guid.NewGuid().ToString("N")[..8];
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.CreateAsync(StoreProvider.PostgreSql);
        await using var connection = new NpgsqlConnection(TestStore.PostgresServer());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE ROLE {role} LOGIN PASSWORD 'app-password'", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestStore.PostgresServer());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task ApplicationRole_WritesDataAndAudit_ButCannotChangeSchemaOrAudit()
    {
        var grant = await Cli.RunAsync("init", "--grant-to", role, "--db", store.DbArgument);
        Assert.True(grant.ExitCode == 0, grant.Error);
        Assert.Contains($"Role {role} may now read and write the data and append to the audit trail; it cannot change the schema, the audit trail or its triggers.", grant.Out, StringComparison.Ordinal);

        // Its everyday work: a command that opens the store, and a save that appends to the audit trail.
        var status = await Cli.RunAsync("init", "--db", AsApplication());
        Assert.True(status.ExitCode == 0, status.Error);
        using (AuditContext.Begin("app-role-test"))
        {
            await using var db = StoreLocation.Resolve(AsApplication()).Open();
            db.Units.Add(new Unit("Written By The Application", "WA", UnitKind.Team));
            await db.SaveChangesAsync();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Actor == "app-role-test"));
        }

        await using var connection = new NpgsqlConnection(AsApplication());
        await connection.OpenAsync();
        async Task<string> Refused(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            return refused.MessageText;
        }

        Assert.Equal("must be owner of relation AuditEntries", await Refused("DROP TRIGGER audit_entries_append_only ON \"AuditEntries\""));
        Assert.Equal("must be owner of table AuditEntries", await Refused("ALTER TABLE \"AuditEntries\" ADD COLUMN \"Forged\" text"));
        Assert.Equal("must be owner of table AuditEntries", await Refused("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER ALL"));
        Assert.Equal("permission denied for table AuditEntries", await Refused("DELETE FROM \"AuditEntries\""));
        Assert.Equal("permission denied for table AuditEntries", await Refused("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else'"));
        Assert.Equal("permission denied for table AuditEntries", await Refused("TRUNCATE \"AuditEntries\""));
        Assert.Equal("permission denied for table Units", await Refused("TRUNCATE \"Units\""));
        Assert.Equal("must be owner of table Units", await Refused("DROP TABLE \"Units\""));
        Assert.Equal("permission denied for schema public", await Refused("CREATE TABLE \"Shadow\" (\"Id\" int)"));
        Assert.Equal("permission denied for table __SchemaHistory", await Refused("DELETE FROM \"__SchemaHistory\""));
    }

    [Fact]
    public async Task ApplicationRole_SchemaBehind_SaysToRunInitAsTheOwner()
    {
        var grant = await Cli.RunAsync("init", "--grant-to", role, "--db", store.DbArgument);
        Assert.True(grant.ExitCode == 0, grant.Error);
        await using (var owner = store.Open())
        {
            await owner.GetService<IMigrator>().MigrateAsync(owner.Database.GetMigrations().ToList()[^2]);
        }

        var run = await Cli.RunAsync("round", "status", "--db", AsApplication());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The store's schema is 1 migration behind this version, and this account may not change the schema. Run 'scrutineer init' as the store's owner, then start again.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantTo_RoleThatDoesNotExist_SaysToCreateItFirst()
    {
        var run = await Cli.RunAsync("init", "--grant-to", "no_such_role", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no PostgreSQL role 'no_such_role'. Create it first (CREATE ROLE no_such_role LOGIN PASSWORD '…';), then run init --grant-to no_such_role again.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantTo_SqliteStore_Refused()
    {
        await using var sqlite = await TestStore.CreateAsync(StoreProvider.Sqlite);

        var run = await Cli.RunAsync("init", "--grant-to", role, "--db", sqlite.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--grant-to is for PostgreSQL stores: an SQLite store is one file, protected by its file permissions.", run.Error, StringComparison.Ordinal);
    }

    private string AsApplication() =>
        new NpgsqlConnectionStringBuilder(store.Location.ConnectionString) { Username = role, Password = "app-password" }.ConnectionString;
}
